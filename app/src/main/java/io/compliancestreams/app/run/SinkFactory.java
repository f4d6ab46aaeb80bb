package io.compliancestreams.app.run;

import io.compliancestreams.app.config.AppConfig;
import io.compliancestreams.app.config.ConfigException;
import io.compliancestreams.app.config.ConfigKey;
import io.compliancestreams.app.config.ConfigKeys;
import io.compliancestreams.app.config.Settings;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.Severity;
import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.compliancestreams.sinks.jira.JiraDestination;
import io.compliancestreams.sinks.jira.JiraSettings;
import io.compliancestreams.sinks.ocsf.HecSettings;
import io.compliancestreams.sinks.ocsf.OcsfDestination;
import io.compliancestreams.sinks.ocsf.OcsfSettings;
import io.compliancestreams.sinks.ocsf.OcsfVersion;
import io.compliancestreams.sinks.runner.CompactedTopicMap;
import io.compliancestreams.sinks.runner.DeltaFilter;
import io.compliancestreams.sinks.runner.Destination;
import io.compliancestreams.sinks.runner.RetrySettings;
import io.compliancestreams.sinks.runner.SinkRunner;
import io.compliancestreams.sinks.runner.SinkSettings;
import io.compliancestreams.sinks.s3.PostureSnapshotSettings;
import io.compliancestreams.sinks.s3.S3AuditTrailDestination;
import io.compliancestreams.sinks.s3.S3AuditTrailSettings;
import io.compliancestreams.sinks.slack.SlackDestination;
import io.compliancestreams.sinks.slack.SlackSettings;
import io.compliancestreams.streams.topology.Topics.TopicSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds a configured sink (runner + destination) by name; the names are slack, jira, s3, ocsf. */
public final class SinkFactory {

  public static final List<String> NAMES = List.of("slack", "jira", "s3", "ocsf");

  private SinkFactory() {}

  /** True when the configuration has what the named sink needs (used by {@code run}). */
  public static boolean configured(String name, AppConfig config) {
    return switch (name) {
      case "slack" -> config.get(ConfigKeys.SLACK_WEBHOOK_URL).isPresent() || config.get(ConfigKeys.SLACK_BOT_TOKEN).isPresent();
      case "jira" -> config.get(ConfigKeys.JIRA_URL).isPresent();
      case "s3" -> config.get(ConfigKeys.S3_AUDIT_BUCKET).isPresent();
      case "ocsf" -> true;
      default -> false;
    };
  }

  public static SinkRunner runner(String name, AppConfig config, MeterRegistry meters) {
    if (!NAMES.contains(name)) {
      throw new ConfigException("unknown sink '" + name + "', expected one of " + NAMES);
    }
    KafkaClientConfig kafka = Settings.kafka(config);
    var topics = Settings.topics(config);
    SinkSettings settings = SinkSettings.of(kafka, topics.deltas(),
            SinkSettings.groupId(topics.prefix(), name), Settings.serdes(config))
        .withFilter(filter(config))
        .withRetry(new RetrySettings(config.integer(ConfigKeys.SINK_MAX_ATTEMPTS),
            RetrySettings.DEFAULT.initialBackoff(), RetrySettings.DEFAULT.maxBackoff(), RetrySettings.DEFAULT.multiplier()));
    // The topics it writes (its dead-letter topic, the OCSF topic, the Slack/Jira map) and the
    // delta topic it reads, created before the destination opens its map, as streams creates
    // topics: a sink started first must not leave them to the broker (1 partition, or none at all
    // with auto.create.topics.enable=false). Load-time validation has already checked every key.
    PipelineTopics.ensure(config, SinkTopics.of(name, config).toArray(TopicSpec[]::new));
    Destination destination = destination(name, config, kafka, topics.prefix(), topics.findingState(),
        settings.serdeConfig(), meters);
    try {
      return new SinkRunner(settings, destination, meters);
    } catch (RuntimeException e) {
      try {
        destination.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The s3 sink's bucket, prefix, region and endpoint (sink.s3.*); the bucket must be set. */
  public static S3AuditTrailSettings s3Settings(AppConfig config) {
    S3AuditTrailSettings s3 = S3AuditTrailSettings.of(config.string(ConfigKeys.S3_AUDIT_BUCKET),
        config.string(ConfigKeys.S3_AUDIT_PREFIX), config.string(ConfigKeys.S3_AUDIT_REGION));
    return config.get(ConfigKeys.S3_AUDIT_ENDPOINT).map(URI::create).map(endpoint -> s3.withEndpoint(endpoint, true))
        .orElse(s3);
  }

  private static Destination destination(String name, AppConfig config, KafkaClientConfig kafka, String prefix,
      String stateTopic, SerdeConfig serdes, MeterRegistry meters) {
    short replication = (short) config.integer(ConfigKeys.TOPIC_REPLICATION);
    URI dashboard = URI.create(config.string(ConfigKeys.DASHBOARD_URL));
    try {
      switch (name) {
        case "slack": {
          SlackSettings slack = config.get(ConfigKeys.SLACK_BOT_TOKEN)
              .map(token -> SlackSettings.bot(token, config.string(ConfigKeys.SLACK_CHANNEL), dashboard))
              .orElseGet(() -> SlackSettings.webhook(URI.create(config.string(ConfigKeys.SLACK_WEBHOOK_URL)), dashboard))
              .withNotifyResolutions(config.bool(ConfigKeys.SLACK_RESOLUTIONS));
          CompactedTopicMap posted = CompactedTopicMap.open(kafka, prefix + SinkTopics.SLACK_POSTED, replication);
          return SlackDestination.create(slack, posted);
        }
        case "jira": {
          JiraSettings.Auth auth = config.get(ConfigKeys.JIRA_BEARER_TOKEN).map(JiraSettings.Auth::bearer)
              .orElseGet(() -> JiraSettings.Auth.basic(config.string(ConfigKeys.JIRA_EMAIL),
                  config.string(ConfigKeys.JIRA_API_TOKEN)));
          JiraSettings jira = JiraSettings.defaults(URI.create(config.string(ConfigKeys.JIRA_URL)), auth,
                  config.string(ConfigKeys.JIRA_PROJECT))
              .withIssueType(config.string(ConfigKeys.JIRA_ISSUE_TYPE))
              .withDoneTransition(config.string(ConfigKeys.JIRA_DONE_TRANSITION))
              .withApiVersion("2".equals(config.string(ConfigKeys.JIRA_API_VERSION))
                  ? JiraSettings.ApiVersion.SERVER_V2 : JiraSettings.ApiVersion.CLOUD_V3)
              .withIssueMapTopic(prefix + SinkTopics.JIRA_ISSUES)
              .withFindingPages(dashboard);
          return JiraDestination.open(jira, kafka, replication);
        }
        case "s3": {
          S3AuditTrailSettings s3 = s3Settings(config);
          if (!config.bool(ConfigKeys.S3_POSTURE_ENABLED)) {
            return S3AuditTrailDestination.create(s3);
          }
          // Parsed before the S3 client exists, so a bad time fails fast without leaking it.
          PostureSnapshotSettings posture = PostureSnapshotSettings.of(kafka, stateTopic, serdes)
              .withStreamsApplicationId(config.string(ConfigKeys.STREAMS_APPLICATION_ID))
              .withTime(parse(ConfigKeys.S3_POSTURE_TIME, config.string(ConfigKeys.S3_POSTURE_TIME), LocalTime::parse));
          return S3AuditTrailDestination.create(s3).withPostureSnapshots(posture, meters);
        }
        case "ocsf": {
          OcsfSettings ocsf = OcsfSettings.of(kafka, SinkTopics.ocsfTopic(config))
              .withVersion(OcsfVersion.of(config.string(ConfigKeys.OCSF_VERSION)));
          if (config.get(ConfigKeys.HEC_URL).isPresent()) {
            ocsf = ocsf.withHec(HecSettings.of(URI.create(config.string(ConfigKeys.HEC_URL)),
                config.string(ConfigKeys.HEC_TOKEN)));
          }
          return OcsfDestination.create(ocsf);
        }
        default:
          throw new ConfigException("unknown sink '" + name + "', expected one of " + NAMES);
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException("sink " + name + ": " + e.getMessage());
    }
  }

  static DeltaFilter filter(AppConfig config) {
    Severity min = parse(ConfigKeys.SINK_MIN_SEVERITY, config.string(ConfigKeys.SINK_MIN_SEVERITY),
        s -> Severity.valueOf(s.toUpperCase()));
    return new DeltaFilter(min,
        list(config, ConfigKeys.SINK_PRACTICES, Integer::valueOf),
        Set.of(),
        list(config, ConfigKeys.SINK_ACCOUNTS, s -> s),
        list(config, ConfigKeys.SINK_REGIONS, s -> s),
        list(config, ConfigKeys.SINK_CHANGE_KINDS, s -> ChangeKind.valueOf(s.toUpperCase())),
        config.bool(ConfigKeys.SINK_INCLUDE_SUPPRESSED));
  }

  private static <T> Set<T> list(AppConfig config, ConfigKey key, Function<String, T> parser) {
    return config.get(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(s -> parse(key, s, parser)).collect(Collectors.toSet())).orElse(Set.of());
  }

  private static <T> T parse(ConfigKey key, String value, Function<String, T> parser) {
    try {
      return parser.apply(value.trim());
    } catch (RuntimeException e) {
      throw new ConfigException(key.key() + ": cannot read '" + value + "'");
    }
  }
}
