package io.compliancestreams.app.cli;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.app.run.PipelineTopics;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.collect.Collectors;
import io.compliancestreams.ingest.publish.KafkaPublisher;
import io.compliancestreams.ingest.publish.TopicNames;
import io.compliancestreams.ingest.scan.ScanOptions;
import io.compliancestreams.ingest.scan.ScanResult;
import io.compliancestreams.ingest.scan.ScanTargets;
import io.compliancestreams.ingest.scan.Scanner;
import io.compliancestreams.ingest.scan.ScopeFailure;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.practices.Status;
import io.compliancestreams.streams.topology.SnapshotMapper;
import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.common.acl.AclOperation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scan}: one full scan of the accounts, evaluated in-process (or published to Kafka). */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = {"Scans the current AWS account (default credential chain) for everything the"
        + " practices read, then prints the findings like 'evaluate' — or, with --publish, sends the"
        + " snapshots to Kafka instead.",
        "Also scans the accounts of ingest.assume.role.arns and, with ingest.organization.role.name set,"
            + " every other ACTIVE account of the AWS Organization (--set KEY=VALUE or the environment).",
        "Honours AWS_ENDPOINT_URL (or --set aws.endpoint.url=...) to scan an AWS-compatible emulator."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:success", "1:a finding matched --fail-on", "2:invalid options or configuration",
        "3:the scan could not run (no credentials, every scope failed, AWS not answering within"
            + " aws.api.call.timeout) or, with --publish, Kafka not reachable within kafka.command.timeout"
            + " or a snapshot not published"})
public final class ScanCommand implements Callable<Integer> {

  @Mixin ConfigOptions config = new ConfigOptions();

  @Option(names = "--regions", split = ",", paramLabel = "REGION",
      description = "Regions to scan (default: every enabled region).")
  List<String> regions = List.of();

  @Option(names = "--as-of", paramLabel = "INSTANT", description = "Evaluate at this instant (default: now).")
  String asOf;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default) or json.")
  OutputFormat output = OutputFormat.table;

  @Option(names = "--fail-on", split = ",", paramLabel = "STATUS",
      description = "Exit with 1 when a finding has one of these statuses.")
  Set<Status> failOn = Set.of();

  @Option(names = "--publish", description = "Send the snapshots to Kafka (kafka.bootstrap.servers) instead.")
  boolean publish;

  @Option(names = "--threads", description = "Scopes scanned in parallel (default 4).")
  int threads = 4;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    AppConfig loaded;
    Instant at;
    AwsSettings aws;
    OneShotKafka kafka;
    try {
      loaded = config.load();
      at = asOf == null ? Instant.now() : Instant.parse(asOf);
      if (threads < 1) {
        throw new ConfigException("--threads must be at least 1");
      }
      aws = io.compliancestreams.app.run.IngestNode.aws(loaded);
      kafka = publish ? OneShotKafka.of(loaded) : null;
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    } catch (DateTimeParseException e) {
      err.println("error: --as-of: not an ISO-8601 instant: '" + asOf + "'");
      return ExitCodes.INPUT_ERROR;
    }
    if (kafka != null) {
      // Before scanning: a broker out of reach ends the command now, in one line, not after the scan.
      try {
        // ... and a missing ACL too, rather than after the scan, in the producer's log.
        String snapshots = Settings.topics(loaded).snapshots();
        kafka.requireReachable().requireTopicAccess(Map.of(snapshots, List.of(AclOperation.WRITE)));
      } catch (OneShotKafka.Unreachable e) {
        err.println("error: " + e.getMessage());
        return ExitCodes.RUNTIME_ERROR;
      }
    }
    ScanOptions options = ScanOptions.defaults().withThreads(threads);
    if (!regions.isEmpty()) {
      options = options.withRegions(regions);
    }
    List<ResourceSnapshot> snapshots = new ArrayList<>();
    ScanResult result;
    try (KafkaPublisher publisher = kafka != null ? publisher(loaded, kafka) : null) {
      ScanTargets targets = Settings.scanTargets(loaded, aws, options.homeRegion());
      // One scan has nothing to compare with: its inventory stays in memory, and it neither reads
      // nor writes the ingest service's inventory topic (that one is the service's alone).
      Scanner scanner = new Scanner(Collectors.all(), options);
      ScanProgressDisplay display = new ScanProgressDisplay(err, System.console() != null);
      // Publishing, the scan returns once every send was acknowledged or failed.
      result = targets.scan(accounts -> publisher != null
          ? scanner.scanAndPublish(accounts, publisher::snapshot, display)
          : scanner.scan(accounts, snapshots::add, display));
    } catch (ConfigException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.INPUT_ERROR;
    }
    summary(result, publish ? out : err);
    if (result.scopesSucceeded() == 0) {
      err.println("error: every scope failed; first: " + result.failures().stream().findFirst()
          .map(ScopeFailure::reason).orElse("?"));
      return ExitCodes.RUNTIME_ERROR;
    }
    if (publish && result.unpublished() > 0) {
      err.printf("error: %d of %d snapshots not published (%s)%n", result.unpublished(),
          result.unpublished() + result.snapshots(), result.mainPublishError().orElse("?"));
      return ExitCodes.RUNTIME_ERROR;
    }
    if (publish) {
      out.printf("published %d snapshots%n", result.snapshots());
      return ExitCodes.OK;
    }
    List<ConfigurationItem> items = snapshots.stream().map(SnapshotMapper::toItem).toList();
    PracticeEngine engine = PracticeEngine.withDefaults();
    List<Evaluation> evaluations = engine.evaluate(items, at);
    if (output == OutputFormat.json) {
      Map<Integer, Practice> byNumber =
          engine.practices().stream().collect(java.util.stream.Collectors.toMap(Practice::number, Function.identity()));
      new EvaluationJsonLines().print(evaluations, byNumber, out);
    } else {
      out.printf("Evaluated %d resources at %s%n%n", items.size(), at);
      new EvaluationTable().print(evaluations, engine.practices(), out);
    }
    return evaluations.stream().anyMatch(e -> failOn.contains(e.status())) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static KafkaPublisher publisher(AppConfig config, OneShotKafka kafka) {
    PipelineTopics.ensure(config);
    var topics = Settings.topics(config);
    return KafkaPublisher.create(kafka.producer(), Settings.serdes(config),
        new TopicNames(topics.snapshots(), topics.cloudTrail()));
  }

  private static void summary(ScanResult r, PrintStream to) {
    to.printf("scan %s: %d snapshots, %d deletions, %d API calls, %d scopes ok, %d failed, %.1f s%n",
        r.scanId(), r.snapshots(), r.deletionsByType().values().stream().mapToLong(Long::longValue).sum(),
        r.callsByService().values().stream().mapToLong(Long::longValue).sum(), r.scopesSucceeded(),
        r.failures().size(), r.duration().toMillis() / 1000.0);
    to.println("  accounts: " + String.join(", ", r.accounts()));
    to.println("  resources: " + r.snapshotsByType());
    to.println("  API calls: " + r.callsByService());
    r.failures().forEach(f -> to.println("  failed: " + f.scope() + " " + f.errorCode() + ": " + f.reason()));
  }
}
