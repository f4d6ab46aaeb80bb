package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.clients.KafkaClientConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The typed, validated settings of the streams application, built once at start.
 *
 * @param partitions the partition count of the topics keyed by resource key (and of the
 *     topology's repartition topics, which must be co-partitioned with them)
 * @param recheckPoll how often the wall-clock punctuation looks for due time-based re-evaluations
 * @param scopeDebounce how long account/region aggregates wait after the last snapshot
 *     contribution before they are evaluated (CloudTrail changes are evaluated at once)
 * @param eventDedupeWindow how long CloudTrail event ids are remembered to drop duplicates
 * @param attributionWindow how far before a snapshot the most recent CloudTrail event of its
 *     resource may lie to be attached as the probable cause of a change the snapshot reveals
 * @param applicationServer {@code host:port} of this instance's query API, or null
 * @param clients the deployment's Kafka client properties, {@code bootstrapServers} among them
 */
public record StreamsSettings(
    String applicationId,
    String bootstrapServers,
    Topics topics,
    int partitions,
    short replicationFactor,
    String processingGuarantee,
    String stateDir,
    Duration commitInterval,
    Duration recheckPoll,
    Duration scopeDebounce,
    Duration eventDedupeWindow,
    SerdeConfig serdeConfig,
    boolean createTopics,
    String applicationServer,
    String instanceId,
    KafkaClientConfig clients,
    Duration attributionWindow) {

  /** The default {@code attributionWindow}: one hour. */
  public static final Duration DEFAULT_ATTRIBUTION_WINDOW = Duration.ofHours(1);

  public StreamsSettings {
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(clients, "clients");
    if (!clients.bootstrapServers().equals(bootstrapServers)) {
      throw new IllegalArgumentException("bootstrapServers " + bootstrapServers + " differ from the clients' "
          + clients.bootstrapServers());
    }
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(serdeConfig, "serdeConfig");
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    if (!processingGuarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)
        && !processingGuarantee.equals(StreamsConfig.AT_LEAST_ONCE)) {
      throw new IllegalArgumentException("processing.guarantee must be exactly_once_v2 or at_least_once, got "
          + processingGuarantee);
    }
    requireSchedulable("recheckPoll", recheckPoll);
    requireSchedulable("scopeDebounce", scopeDebounce);
    requireSchedulable("eventDedupeWindow", eventDedupeWindow);
    requireSchedulable("attributionWindow", attributionWindow);
  }

  /** The same with the default attribution window. */
  public StreamsSettings(String applicationId, String bootstrapServers, Topics topics, int partitions,
      short replicationFactor, String processingGuarantee, String stateDir, Duration commitInterval,
      Duration recheckPoll, Duration scopeDebounce, Duration eventDedupeWindow, SerdeConfig serdeConfig,
      boolean createTopics, String applicationServer, String instanceId, KafkaClientConfig clients) {
    this(applicationId, bootstrapServers, topics, partitions, replicationFactor, processingGuarantee, stateDir,
        commitInterval, recheckPoll, scopeDebounce, eventDedupeWindow, serdeConfig, createTopics,
        applicationServer, instanceId, clients, DEFAULT_ATTRIBUTION_WINDOW);
  }

  public StreamsSettings withAttributionWindow(Duration window) {
    return new StreamsSettings(applicationId, bootstrapServers, topics, partitions, replicationFactor,
        processingGuarantee, stateDir, commitInterval, recheckPoll, scopeDebounce, eventDedupeWindow,
        serdeConfig, createTopics, applicationServer, instanceId, clients, window);
  }

  /** Plain connections to {@code bootstrapServers} (tests, benchmarks). */
  public StreamsSettings(String applicationId, String bootstrapServers, Topics topics, int partitions,
      short replicationFactor, String processingGuarantee, String stateDir, Duration commitInterval,
      Duration recheckPoll, Duration scopeDebounce, Duration eventDedupeWindow, SerdeConfig serdeConfig,
      boolean createTopics, String applicationServer, String instanceId) {
    this(applicationId, bootstrapServers, topics, partitions, replicationFactor, processingGuarantee, stateDir,
        commitInterval, recheckPoll, scopeDebounce, eventDedupeWindow, serdeConfig, createTopics,
        applicationServer, instanceId, KafkaClientConfig.plaintext(bootstrapServers));
  }

  /**
   * The topology schedules punctuations at these intervals; Kafka Streams refuses intervals under
   * 1 ms only once a task starts, replacing the thread again and again (docs/reliability.md).
   */
  private static void requireSchedulable(String name, Duration interval) {
    Objects.requireNonNull(interval, name);
    if (interval.compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, got " + interval);
    }
  }

  /** Defaults for a given cluster: exactly-once, 6 partitions, 1 h punctuation ceilings. */
  public static StreamsSettings defaults(String bootstrapServers, String stateDir) {
    return new StreamsSettings("compliance-streams", bootstrapServers, Topics.unprefixed(), 6,
        (short) 1, StreamsConfig.EXACTLY_ONCE_V2, stateDir, Duration.ofMillis(100),
        Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofHours(24),
        SerdeConfig.singleObject(), true, null, null);
  }

  public StreamsSettings withApplicationId(String id) {
    return new StreamsSettings(id, bootstrapServers, topics, partitions, replicationFactor,
        processingGuarantee, stateDir, commitInterval, recheckPoll, scopeDebounce,
        eventDedupeWindow, serdeConfig, createTopics, applicationServer, instanceId, clients, attributionWindow);
  }

  public StreamsSettings withProcessingGuarantee(String guarantee) {
    return new StreamsSettings(applicationId, bootstrapServers, topics, partitions, replicationFactor,
        guarantee, stateDir, commitInterval, recheckPoll, scopeDebounce, eventDedupeWindow,
        serdeConfig, createTopics, applicationServer, instanceId, clients, attributionWindow);
  }

  public StreamsSettings withStateDir(String dir) {
    return new StreamsSettings(applicationId, bootstrapServers, topics, partitions, replicationFactor,
        processingGuarantee, dir, commitInterval, recheckPoll, scopeDebounce, eventDedupeWindow,
        serdeConfig, createTopics, applicationServer, instanceId, clients, attributionWindow);
  }

  public StreamsSettings withApplicationServer(String hostPort) {
    return new StreamsSettings(applicationId, bootstrapServers, topics, partitions, replicationFactor,
        processingGuarantee, stateDir, commitInterval, recheckPoll, scopeDebounce, eventDedupeWindow,
        serdeConfig, createTopics, hostPort, instanceId, clients, attributionWindow);
  }

  public StreamsSettings withPartitions(int count) {
    return new StreamsSettings(applicationId, bootstrapServers, topics, count, replicationFactor,
        processingGuarantee, stateDir, commitInterval, recheckPoll, scopeDebounce, eventDedupeWindow,
        serdeConfig, createTopics, applicationServer, instanceId, clients, attributionWindow);
  }

  /**
   * Static membership: a stable id per instance (a StatefulSet's pod name), or null for dynamic
   * membership. A restarted instance with the same id takes its tasks back without a rebalance.
   */
  public StreamsSettings withInstanceId(String id) {
    return new StreamsSettings(applicationId, bootstrapServers, topics, partitions, replicationFactor,
        processingGuarantee, stateDir, commitInterval, recheckPoll, scopeDebounce, eventDedupeWindow,
        serdeConfig, createTopics, applicationServer, id, clients, attributionWindow);
  }

  /** The same with the deployment's Kafka client properties (security, timeouts). */
  public StreamsSettings withClients(KafkaClientConfig value) {
    return new StreamsSettings(applicationId, value.bootstrapServers(), topics, partitions, replicationFactor,
        processingGuarantee, stateDir, commitInterval, recheckPoll, scopeDebounce, eventDedupeWindow,
        serdeConfig, createTopics, applicationServer, instanceId, value, attributionWindow);
  }

  /**
   * The Kafka Streams properties these settings stand for: the deployment's client properties
   * ({@link KafkaClientConfig#streams()}), then the ones the topology's guarantees rest on.
   */
  public Properties toProperties() {
    Properties p = new Properties();
    p.putAll(clients.streams());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(replicationFactor));
    p.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.NO_OPTIMIZATION);
    // Low latency matters more than batching for detection; see docs/streams.md.
    p.putIfAbsent(StreamsConfig.producerPrefix("linger.ms"), "5");
    p.putIfAbsent(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    // Headroom for records up to the input topics' size. Dead letters are cut to 512 KiB and
    // outputs refused over OutputLimit before they are sent, so nothing should come near it.
    p.put(StreamsConfig.producerPrefix("max.request.size"),
        Integer.toString(InputLimits.MAX_INPUT_RECORD_BYTES + 64 * 1024));
    // An output too large for its topic is dropped and dead-lettered instead of failing the
    // thread on it forever (docs/reliability.md, "Fault 17.2").
    p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizeRecordHandler.class.getName());
    p.put(OversizeRecordHandler.TOPICS_PREFIX_CONFIG, topics.prefix());
    // Our global processors skip what they cannot read; opt in to the handler now (default in 5.0).
    p.put("processing.exception.handler.global.enabled", "true");
    if (applicationServer != null) {
      p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    if (instanceId != null && !instanceId.isBlank()) {
      p.put(StreamsConfig.consumerPrefix("group.instance.id"), instanceId);
    }
    return p;
  }
}
