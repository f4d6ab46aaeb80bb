package io.compliancestreams.app.run;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.ConfigKey;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.aws.AwsTimeouts;
import io.compliancestreams.ingest.aws.CallCounter;
import io.compliancestreams.ingest.cloudtrail.EventBridgeQueueSource;
import io.compliancestreams.ingest.cloudtrail.S3LogQueueSource;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collectors;
import io.compliancestreams.ingest.config.ConfigQueueSource;
import io.compliancestreams.ingest.config.VpcFlowLogsEnricher;
import io.compliancestreams.ingest.publish.KafkaInventoryJournal;
import io.compliancestreams.ingest.publish.KafkaPublisher;
import io.compliancestreams.ingest.publish.Publisher;
import io.compliancestreams.ingest.publish.RetryingPublisher;
import io.compliancestreams.ingest.publish.SqsQueuePoller;
import io.compliancestreams.ingest.publish.TopicNames;
import io.compliancestreams.ingest.rescan.RescanAccounts;
import io.compliancestreams.ingest.rescan.RescanConsumer;
import io.compliancestreams.ingest.rescan.ResyncScheduler;
import io.compliancestreams.ingest.scan.ScanInventory;
import io.compliancestreams.ingest.scan.ScanOptions;
import io.compliancestreams.ingest.scan.ScanProgress;
import io.compliancestreams.ingest.scan.ScanResult;
import io.compliancestreams.ingest.scan.ScanTargets;
import io.compliancestreams.ingest.scan.Scanner;
import io.compliancestreams.schemas.avro.SnapshotSource;
import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.acl.AclOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running ingest service: a full scan at start and every {@code ingest.resync.interval},
 * targeted rescans from {@code compliance.rescan.request.v1}, and the configured SQS sources
 * (CloudTrail via EventBridge, CloudTrail log files in S3, AWS Config change notifications). The
 * scan inventory is restored from {@code compliance.scan.inventory.v1} before the first scan, so
 * a resource deleted while the service was down is reported deleted by that scan.
 */
public final class IngestNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestNode.class);

  private final List<AutoCloseable> parts = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  private IngestNode() {}

  public static IngestNode start(AppConfig config) {
    return start(config, new SimpleMeterRegistry());
  }

  /** The service, with its meters ({@link IngestMetrics}) in {@code meters}. */
  public static IngestNode start(AppConfig config, MeterRegistry meters) {
    IngestNode node = new IngestNode();
    try {
      node.startParts(config, new IngestMetrics(meters));
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
    return node;
  }

  /** The AWS settings from the configuration: an explicit endpoint, or the SDK's own resolution. */
  public static AwsSettings aws(AppConfig config) {
    return config.get(ConfigKeys.AWS_ENDPOINT_URL)
        .map(url -> AwsSettings.at(URI.create(url)))
        .orElseGet(() -> AwsSettings.fromEnvironment(System.getenv()))
        .withTimeouts(awsTimeouts(config));
  }

  /** {@code aws.api.call.timeout} and {@code aws.api.call.attempt.timeout}. */
  private static AwsTimeouts awsTimeouts(AppConfig config) {
    Duration call = positive(config, ConfigKeys.AWS_API_CALL_TIMEOUT);
    Duration attempt = positive(config, ConfigKeys.AWS_API_CALL_ATTEMPT_TIMEOUT);
    return new AwsTimeouts(call, attempt);
  }

  private static Duration positive(AppConfig config, ConfigKey key) {
    Duration value = config.duration(key);
    if (value.isZero() || value.isNegative()) {
      throw new ConfigException(key.key() + " must be a positive ISO-8601 duration such as PT30S, got '"
          + config.string(key) + "'");
    }
    return value;
  }

  /**
   * What the service does to each topic, for the ACL check at start: it writes snapshots and
   * CloudTrail events (and their dead letters), keeps its inventory, and reads rescan requests.
   */
  public static Map<String, List<AclOperation>> access(AppConfig config) {
    var topics = Settings.topics(config);
    TopicNames writes = new TopicNames(topics.snapshots(), topics.cloudTrail());
    Map<String, List<AclOperation>> access = new LinkedHashMap<>();
    for (String topic : List.of(writes.snapshots(), writes.snapshotsDlq(), writes.cloudTrail(), writes.cloudTrailDlq())) {
      access.put(topic, List.of(AclOperation.WRITE));
    }
    access.put(topics.inventory(), List.of(AclOperation.READ, AclOperation.WRITE));
    access.put(topics.rescans(), List.of(AclOperation.READ));
    return access;
  }

  /** The consumer group in which the service reads rescan requests. */
  public static String rescanGroup(AppConfig config) {
    return Settings.topics(config).prefix() + "compliance-ingest-rescan";
  }

  private void startParts(AppConfig config, IngestMetrics metrics) {
    KafkaClientConfig kafka = Settings.kafka(config);
    var topics = Settings.topics(config);
    var serdes = Settings.serdes(config);
    String home = config.string(ConfigKeys.INGEST_HOME_REGION);
    AwsSettings aws = aws(config);
    // The ingest service may be first, and its inventory topic must be compacted, which an
    // auto-created topic is not.
    PipelineTopics.ensure(config);
    KafkaPublisher publisher = KafkaPublisher.create(kafka.producer(), serdes, new TopicNames(topics.snapshots(), topics.cloudTrail()));
    parts.add(publisher);
    KafkaInventoryJournal journal = KafkaInventoryJournal.create(kafka.producer(), kafka.consumer(),
        topics.inventory());
    parts.add(journal);
    CallCounter calls = new CallCounter();
    Map<String, AwsClients> clients = new ConcurrentHashMap<>();
    AwsClients homeClients = AwsClients.create(aws, home, calls);
    parts.add(homeClients);

    // Built per scan (organization discovery included), so a resync sees accounts that joined.
    ScanTargets targets = Settings.scanTargets(config, aws, home);
    ScanOptions options = ScanOptions.defaults().withHomeRegion(home)
        .withThreads(config.integer(ConfigKeys.INGEST_THREADS));
    List<String> regions = config.get(ConfigKeys.INGEST_REGIONS)
        .map(r -> Arrays.stream(r.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    if (!regions.isEmpty()) {
      options = options.withRegions(regions);
    }
    Duration resyncInterval = config.duration(ConfigKeys.INGEST_RESYNC);
    Scanner scanner = new Scanner(Collectors.all(), options, Clock.systemUTC(), restored(journal, topics.inventory()));
    // A full scan's snapshots have no queue behind them: a failed send is tried again here.
    Publisher scanPublisher = RetryingPublisher.around(publisher);
    Runnable fullScan = () -> {
      // Returns once every snapshot was acknowledged or failed after its retries; only the
      // acknowledged ones are counted and recorded in the inventory.
      ScanResult result = targets.scan(accounts ->
          scanner.scanAndPublish(accounts, scanPublisher::snapshot, ScanProgress.NONE));
      // The inventory now holds only what the topology was told, and is written after it.
      int saved = save(journal, topics.inventory());
      metrics.record(result);
      if (result.unpublished() > 0) {
        LOG.error("full scan {}: {} of {} snapshots not published ({}); those resources stay out of the"
                + " inventory and the next scan (in {}) sends them again", result.scanId(), result.unpublished(),
            result.unpublished() + result.snapshots(), result.mainPublishError().orElse("?"), resyncInterval);
      }
      LOG.info("full scan {}: {} snapshots, {} not published, {} deletions, {} scopes ok, {} failed in {};"
              + " {} inventory records written",
          result.scanId(), result.snapshots(), result.unpublished(),
          result.deletionsByType().values().stream().mapToLong(Long::longValue).sum(),
          result.scopesSucceeded(), result.failures().size(), result.duration(), saved);
    };
    // Closed right after the scheduler (parts close in reverse): a scan stopped by a shutdown keeps
    // what its finished scopes learnt, in the same order as after a scan.
    parts.add(() -> {
      publisher.flush();
      save(journal, topics.inventory());
    });
    ResyncScheduler resync = new ResyncScheduler(fullScan, resyncInterval, Duration.ZERO);
    parts.add(resync);
    resync.start();

    // Rescans reach the named account with its own credentials (the base ones or its role); an
    // account out of reach is skipped, never fetched with the wrong credentials.
    RescanAccounts accounts = new RescanAccounts(aws, home, targets::roleArns,
        config.get(ConfigKeys.INGEST_EXTERNAL_ID).orElse(null), calls);
    parts.add(accounts);
    RescanConsumer rescans = RescanConsumer.create(kafka.consumer(Map.of(
            ConsumerConfig.GROUP_ID_CONFIG, rescanGroup(config))),
        serdes, topics.rescans(), Collectors.all(),
        (account, region) -> {
          String in = "global".equals(region) ? home : region;
          return new CollectContext(account, in, accounts.clients(account, in), Clock.systemUTC(), "rescan",
              SnapshotSource.RESCAN);
        },
        publisher, RescanConsumer.DEFAULT_WINDOW);
    parts.add(rescans);
    thread("rescans", rescans);

    config.get(ConfigKeys.INGEST_EVENTBRIDGE_QUEUE).ifPresent(url -> poller("cloudtrail-eventbridge",
        EventBridgeQueueSource.poller(homeClients.sqs(), SqsQueuePoller.Settings.defaults(url), publisher)));
    config.get(ConfigKeys.INGEST_S3_LOG_QUEUE).ifPresent(url -> poller("cloudtrail-s3",
        S3LogQueueSource.poller(homeClients.sqs(), homeClients.s3(), SqsQueuePoller.Settings.defaults(url), publisher)));
    config.get(ConfigKeys.INGEST_CONFIG_QUEUE).ifPresent(url -> poller("aws-config",
        ConfigQueueSource.poller(homeClients.sqs(), homeClients.s3(), SqsQueuePoller.Settings.defaults(url), publisher,
            new VpcFlowLogsEnricher((account, region) ->
                clients.computeIfAbsent(region, homeClients::inRegion).ec2()))));
  }

  /** The inventory the last run left in the topic; empty (with a WARN) if the topic cannot be read. */
  private static ScanInventory restored(KafkaInventoryJournal journal, String topic) {
    ScanInventory inventory = new ScanInventory(journal);
    try {
      int resources = journal.load(inventory);
      LOG.info("inventory: {} resources of {} scopes restored from {}", resources, inventory.scopes().size(), topic);
    } catch (RuntimeException e) {
      LOG.warn("inventory topic {} could not be read ({}): the first scan derives no deletions", topic,
          e.getMessage());
    }
    return inventory;
  }

  /** Writes the scan's inventory changes; a failure is logged and retried after the next scan. */
  private static int save(KafkaInventoryJournal journal, String topic) {
    try {
      return journal.flush();
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        // Shutting down: what was sent is written while the journal closes.
        LOG.info("inventory save to {} interrupted by shutdown", topic);
      } else {
        LOG.error("inventory not saved to {}: {}; a restart before the next save compares with the older"
            + " inventory", topic, e.getMessage());
      }
      return 0;
    }
  }

  private void poller(String name, SqsQueuePoller poller) {
    parts.add(poller);
    thread(name, poller);
  }

  private void thread(String name, Runnable body) {
    Thread t = new Thread(body, "ingest-" + name);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  @Override
  public void close() {
    for (int i = parts.size() - 1; i >= 0; i--) {
      try {
        parts.get(i).close();
      } catch (Exception e) {
        LOG.warn("closing {}: {}", parts.get(i).getClass().getSimpleName(), e.getMessage());
      }
    }
  }
}
