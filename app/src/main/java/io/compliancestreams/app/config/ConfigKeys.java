package io.compliancestreams.app.config;

import static io.compliancestreams.app.config.ValueRules.account;
import static io.compliancestreams.app.config.ValueRules.allOf;
import static io.compliancestreams.app.config.ValueRules.bool;
import static io.compliancestreams.app.config.ValueRules.directory;
import static io.compliancestreams.app.config.ValueRules.duration;
import static io.compliancestreams.app.config.ValueRules.enumName;
import static io.compliancestreams.app.config.ValueRules.exactlyOneOf;
import static io.compliancestreams.app.config.ValueRules.host;
import static io.compliancestreams.app.config.ValueRules.hostPort;
import static io.compliancestreams.app.config.ValueRules.integer;
import static io.compliancestreams.app.config.ValueRules.kafkaName;
import static io.compliancestreams.app.config.ValueRules.listOf;
import static io.compliancestreams.app.config.ValueRules.oneOf;
import static io.compliancestreams.app.config.ValueRules.pattern;
import static io.compliancestreams.app.config.ValueRules.practiceNumber;
import static io.compliancestreams.app.config.ValueRules.readableFile;
import static io.compliancestreams.app.config.ValueRules.region;
import static io.compliancestreams.app.config.ValueRules.text;
import static io.compliancestreams.app.config.ValueRules.timeOfDay;
import static io.compliancestreams.app.config.ValueRules.token;
import static io.compliancestreams.app.config.ValueRules.url;

import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.Severity;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every configuration key the runnable reads, each with the rule its value follows (the last
 * argument, built by {@link ValueRules}). The README's configuration table and the docker-compose
 * file are checked against this list by tests, so the three stay in step; ConfigValidationTest
 * gives every key a bad value and expects the command to stop with exit 2 naming it.
 */
public final class ConfigKeys {

  /** Shortest interval Kafka Streams schedules a punctuation at; shorter ones fail at run time. */
  private static final Duration SCHEDULE_MIN = Duration.ofMillis(1);
  /**
   * Longest topic prefix (and application id, the prefix of Streams' internal topics): Kafka
   * allows 249 characters per topic name and our longest suffix is about 50.
   */
  private static final int MAX_PREFIX = 180;

  public static final ConfigKey KAFKA_BOOTSTRAP_SERVERS = new ConfigKey(
      "kafka.bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS", null,
      "Kafka cluster to use; when unset, tests and the demo start an in-JVM broker", false,
      // Kafka itself tolerates a listener name in front (PLAINTEXT://kafka:9092).
      listOf(v -> hostPort(1).problem(v.replaceFirst("^[A-Za-z_]+://", ""))));
  public static final ConfigKey SCHEMA_REGISTRY_URL = new ConfigKey(
      "schema.registry.url", "SCHEMA_REGISTRY_URL", null,
      "Confluent-compatible schema registry; when set, serdes use the Confluent wire format,"
          + " otherwise Avro single-object encoding", false,
      url());
  public static final ConfigKey SCHEMA_REGISTRY_USER_INFO = new ConfigKey(
      "basic.auth.user.info", "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", null,
      "user:password for the schema registry's basic auth", true,
      allOf(token(), pattern("[^:]+:.+", "user:password")));
  public static final ConfigKey SCHEMA_REGISTRY_TRUSTSTORE = new ConfigKey(
      "schema.registry.ssl.truststore.location", "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", null,
      "trust store (PKCS12 or JKS) for a TLS schema registry", false,
      readableFile());
  public static final ConfigKey SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD = new ConfigKey(
      "schema.registry.ssl.truststore.password", "SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", null,
      "password of that trust store", true,
      token());
  public static final ConfigKey AWS_ENDPOINT_URL = new ConfigKey(
      "aws.endpoint.url", "AWS_ENDPOINT_URL", null,
      "an AWS-compatible endpoint (moto, LocalStack) instead of AWS; tests start a local moto"
          + " server when unset", false,
      url());
  public static final ConfigKey AWS_API_CALL_TIMEOUT = new ConfigKey(
      "aws.api.call.timeout", "AWS_API_CALL_TIMEOUT", "PT2M",
      "longest time one AWS API call may take, retries included, before it fails (ISO-8601)", false,
      duration(Duration.ofSeconds(1)));
  public static final ConfigKey AWS_API_CALL_ATTEMPT_TIMEOUT = new ConfigKey(
      "aws.api.call.attempt.timeout", "AWS_API_CALL_ATTEMPT_TIMEOUT", "PT30S",
      "longest time one attempt of an AWS API call may take (also the HTTP socket timeout; ISO-8601)", false,
      duration(Duration.ofSeconds(1)));
  public static final ConfigKey KAFKA_COMMAND_TIMEOUT = new ConfigKey(
      "kafka.command.timeout", "KAFKA_COMMAND_TIMEOUT", "PT30S",
      "how long one-shot commands (scan --publish, replay, topics, suppress) wait for Kafka before they"
          + " fail with exit 3 (ISO-8601)", false,
      duration(Duration.ofMillis(100)));
  public static final ConfigKey LOG_LEVEL = new ConfigKey(
      "log.level", "LOG_LEVEL", "INFO", "root log level; logs go to stderr", false,
      oneOf("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF"));

  public static final ConfigKey TOPIC_PREFIX = new ConfigKey(
      "topic.prefix", "TOPIC_PREFIX", "",
      "prefix of every topic name, so several pipelines can share a cluster", false,
      kafkaName(MAX_PREFIX));
  public static final ConfigKey TOPIC_PARTITIONS = new ConfigKey(
      "topic.partitions", "TOPIC_PARTITIONS", "6",
      "partitions of the topics created by the pipeline (equal for all: they are co-partitioned)",
      false,
      integer(1, 10_000));
  public static final ConfigKey TOPIC_REPLICATION = new ConfigKey(
      "topic.replication.factor", "TOPIC_REPLICATION_FACTOR", "1",
      "replication factor of created topics and of Kafka Streams' internal topics (production: 3)",
      false,
      integer(1, Short.MAX_VALUE));
  public static final ConfigKey TOPICS_CREATE = new ConfigKey(
      "topics.create", "TOPICS_CREATE", "true",
      "create missing topics at start; false for locked-down clusters (they are then only verified)",
      false,
      bool());
  public static final ConfigKey STREAMS_APPLICATION_ID = new ConfigKey(
      "streams.application.id", "STREAMS_APPLICATION_ID", "compliance-streams",
      "Kafka Streams application id: instances with the same id share the work", false,
      kafkaName(MAX_PREFIX));
  public static final ConfigKey STREAMS_INSTANCE_ID = new ConfigKey(
      "streams.instance.id", "STREAMS_INSTANCE_ID", null,
      "static membership: a stable id per instance (e.g. the pod name), so a restarted instance"
          + " gets its tasks back without a rebalance; unset = dynamic membership", false,
      kafkaName(249));
  public static final ConfigKey STREAMS_STATE_DIR = new ConfigKey(
      "streams.state.dir", "STREAMS_STATE_DIR", "./state",
      "where RocksDB state lives (a persistent volume in production)", false,
      directory());
  public static final ConfigKey STREAMS_GUARANTEE = new ConfigKey(
      "streams.processing.guarantee", "STREAMS_PROCESSING_GUARANTEE", "exactly_once_v2",
      "exactly_once_v2 or at_least_once", false,
      exactlyOneOf("exactly_once_v2", "at_least_once"));
  public static final ConfigKey STREAMS_RECHECK_POLL = new ConfigKey(
      "streams.recheck.poll", "STREAMS_RECHECK_POLL", "PT10S",
      "how often wall-clock punctuation looks for due time-based re-evaluations (ISO-8601)",
      false,
      duration(SCHEDULE_MIN));
  public static final ConfigKey STREAMS_SCOPE_DEBOUNCE = new ConfigKey(
      "streams.scope.debounce", "STREAMS_SCOPE_DEBOUNCE", "PT0.5S",
      "quiet time after the last snapshot of an account before its account/region practices are"
          + " evaluated (ISO-8601)", false,
      duration(SCHEDULE_MIN));
  public static final ConfigKey STREAMS_DEDUPE_WINDOW = new ConfigKey(
      "streams.event.dedupe.window", "STREAMS_EVENT_DEDUPE_WINDOW", "PT24H",
      "how long CloudTrail event ids are remembered to drop duplicates (ISO-8601)", false,
      duration(SCHEDULE_MIN));
  public static final ConfigKey STREAMS_ATTRIBUTION_WINDOW = new ConfigKey(
      "streams.attribution.window", "STREAMS_ATTRIBUTION_WINDOW", "PT1H",
      "how long before a snapshot a resource's last CloudTrail event may lie to be named the"
          + " probable cause of the change it reveals (ISO-8601)", false,
      duration(SCHEDULE_MIN));
  public static final ConfigKey HTTP_BIND = new ConfigKey(
      "http.bind", "HTTP_BIND", "127.0.0.1",
      "address the HTTP server (dashboard, API, metrics, health) binds to", false,
      host());
  public static final ConfigKey HTTP_PORT = new ConfigKey(
      "http.port", "HTTP_PORT", "8080", "port of the HTTP server; 0 picks a free one", false,
      integer(0, 65535));
  public static final ConfigKey HTTP_ADVERTISED = new ConfigKey(
      "http.advertised.address", "HTTP_ADVERTISED_ADDRESS", null,
      "host:port other instances use to reach this one's query API (default: bind:port)", false,
      hostPort(1));
  public static final ConfigKey HTTP_TOKEN = new ConfigKey(
      "http.token", "HTTP_TOKEN", null,
      "bearer token required on every HTTP endpoint but /health (unset: no token)", true,
      token());

  public static final ConfigKey INGEST_REGIONS = new ConfigKey(
      "ingest.regions", "INGEST_REGIONS", null,
      "comma-separated regions to scan (default: every enabled region)", false,
      listOf(region()));
  public static final ConfigKey INGEST_HOME_REGION = new ConfigKey(
      "ingest.home.region", "INGEST_HOME_REGION", "us-east-1",
      "region for account-wide calls (STS, IAM, S3 Control) and the collectors' global snapshots", false,
      region());
  public static final ConfigKey INGEST_THREADS = new ConfigKey(
      "ingest.scan.threads", "INGEST_SCAN_THREADS", "4", "scopes (account × region × collector) scanned in parallel", false,
      integer(1, 256));
  public static final ConfigKey INGEST_RESYNC = new ConfigKey(
      "ingest.resync.interval", "INGEST_RESYNC_INTERVAL", "PT6H",
      "full rescan interval (ISO-8601): CloudTrail delivery is best-effort, the resync makes it complete", false,
      duration(Duration.ofSeconds(1)));
  public static final ConfigKey INGEST_ROLE_ARNS = new ConfigKey(
      "ingest.assume.role.arns", "INGEST_ASSUME_ROLE_ARNS", null,
      "comma-separated role ARNs in other accounts to scan through STS AssumeRole", false,
      listOf(pattern("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}",
          "an IAM role ARN (arn:aws:iam::<account>:role/<name>)")));
  public static final ConfigKey INGEST_EXTERNAL_ID = new ConfigKey(
      "ingest.assume.role.external.id", "INGEST_ASSUME_ROLE_EXTERNAL_ID", null,
      "external id for those roles", true,
      pattern("[\\w+=,.@:/-]{2,1224}",
          "2-1224 letters, digits or +=,.@:/-_ (AWS's rule for external ids)"));
  public static final ConfigKey INGEST_ORGANIZATION_ROLE = new ConfigKey(
      "ingest.organization.role.name", "INGEST_ORGANIZATION_ROLE_NAME", null,
      "role name to assume in every ACTIVE account of the AWS Organization (found with"
          + " organizations:ListAccounts from the credentials' account, again at each scan); unset = no"
          + " discovery", false,
      pattern("[\\w+=,.@-]{1,64}", "an IAM role name: 1-64 letters, digits or +=,.@-_"));
  public static final ConfigKey INGEST_ORGANIZATION_EXCLUDE = new ConfigKey(
      "ingest.organization.exclude.accounts", "INGEST_ORGANIZATION_EXCLUDE_ACCOUNTS", null,
      "comma-separated account ids organization discovery skips", false,
      listOf(account()));
  public static final ConfigKey INGEST_EVENTBRIDGE_QUEUE = new ConfigKey(
      "ingest.cloudtrail.eventbridge.queue.url", "INGEST_CLOUDTRAIL_EVENTBRIDGE_QUEUE_URL", null,
      "SQS queue fed by an EventBridge rule for 'AWS API Call via CloudTrail' events", false,
      url());
  public static final ConfigKey INGEST_S3_LOG_QUEUE = new ConfigKey(
      "ingest.cloudtrail.s3.queue.url", "INGEST_CLOUDTRAIL_S3_QUEUE_URL", null,
      "SQS queue receiving S3 event notifications (direct or via SNS) for CloudTrail log files", false,
      url());
  public static final ConfigKey INGEST_CONFIG_QUEUE = new ConfigKey(
      "ingest.config.queue.url", "INGEST_CONFIG_QUEUE_URL", null,
      "SQS queue receiving AWS Config configuration item change notifications", false,
      url());

  public static final ConfigKey DASHBOARD_URL = new ConfigKey(
      "dashboard.url", "DASHBOARD_URL", "http://127.0.0.1:8080",
      "base URL of the dashboard, for links in Slack and Jira", false,
      url());
  public static final ConfigKey SINK_MIN_SEVERITY = new ConfigKey(
      "sink.min.severity", "SINK_MIN_SEVERITY", "INFORMATIONAL",
      "sinks deliver deltas of this article severity and above (HIGH, MEDIUM, LOW, INFORMATIONAL)", false,
      enumName(Severity.class));
  public static final ConfigKey SINK_PRACTICES = new ConfigKey(
      "sink.practices", "SINK_PRACTICES", null, "comma-separated practice numbers the sinks deliver (default: all)", false,
      listOf(practiceNumber(PracticeCatalogue.all().size())));
  public static final ConfigKey SINK_ACCOUNTS = new ConfigKey(
      "sink.accounts", "SINK_ACCOUNTS", null, "comma-separated accounts the sinks deliver (default: all)", false,
      listOf(account()));
  public static final ConfigKey SINK_REGIONS = new ConfigKey(
      "sink.regions", "SINK_REGIONS", null, "comma-separated regions the sinks deliver (default: all)", false,
      listOf(v -> v.equals("global") ? Optional.empty() : region().problem(v)));
  public static final ConfigKey SINK_CHANGE_KINDS = new ConfigKey(
      "sink.change.kinds", "SINK_CHANGE_KINDS", null,
      "comma-separated change kinds the sinks deliver (NEW, REGRESSED, RESOLVED, CLOSED, CHANGED; default: all)", false,
      listOf(enumName(ChangeKind.class)));
  public static final ConfigKey SINK_INCLUDE_SUPPRESSED = new ConfigKey(
      "sink.include.suppressed", "SINK_INCLUDE_SUPPRESSED", "false", "deliver deltas of suppressed findings too", false,
      bool());
  public static final ConfigKey SINK_MAX_ATTEMPTS = new ConfigKey(
      "sink.max.attempts", "SINK_MAX_ATTEMPTS", "12",
      "delivery attempts before a delta goes to the sink's DLQ (0.5 s doubling to 30 s between them: about"
          + " 1.5 min on average)", false,
      integer(1, 1000));
  public static final ConfigKey SLACK_WEBHOOK_URL = new ConfigKey(
      "sink.slack.webhook.url", "SLACK_WEBHOOK_URL", null, "Slack incoming webhook (webhook mode)", true,
      url());
  public static final ConfigKey SLACK_BOT_TOKEN = new ConfigKey(
      "sink.slack.bot.token", "SLACK_BOT_TOKEN", null,
      "Slack bot token for chat.postMessage (bot mode: later deltas thread under a finding's first message)", true,
      allOf(token(), pattern("xox[a-z]-.+", "a Slack token (xoxb-...)")));
  public static final ConfigKey SLACK_CHANNEL = new ConfigKey(
      "sink.slack.channel", "SLACK_CHANNEL", null, "channel for bot mode", false,
      pattern("#?[a-z0-9._-]{1,80}|[CGD][A-Z0-9]{6,}",
          "a channel name (lower case, digits, . _ -, at most 80) or a channel id such as C0123ABCD"));
  public static final ConfigKey SLACK_RESOLUTIONS = new ConfigKey(
      "sink.slack.notify.resolutions", "SLACK_NOTIFY_RESOLUTIONS", "false", "also post RESOLVED and CLOSED deltas", false,
      bool());
  public static final ConfigKey JIRA_URL = new ConfigKey(
      "sink.jira.url", "JIRA_URL", null, "Jira base URL, e.g. https://example.atlassian.net", false,
      url());
  public static final ConfigKey JIRA_EMAIL = new ConfigKey(
      "sink.jira.email", "JIRA_EMAIL", null, "account email for basic auth (Jira Cloud)", false,
      pattern("[^@\\s]+@[^@\\s]+\\.[^@\\s]+", "an email address"));
  public static final ConfigKey JIRA_API_TOKEN = new ConfigKey(
      "sink.jira.api.token", "JIRA_API_TOKEN", null, "API token for basic auth", true,
      token());
  public static final ConfigKey JIRA_BEARER_TOKEN = new ConfigKey(
      "sink.jira.bearer.token", "JIRA_BEARER_TOKEN", null, "personal access token (Server/Data Center) instead of basic auth", true,
      token());
  public static final ConfigKey JIRA_PROJECT = new ConfigKey(
      "sink.jira.project", "JIRA_PROJECT", null, "project key issues are created in", false,
      pattern("[A-Z][A-Z0-9_]{0,254}",
          "a Jira project key (an upper-case letter, then upper-case letters, digits or _)"));
  public static final ConfigKey JIRA_ISSUE_TYPE = new ConfigKey(
      "sink.jira.issue.type", "JIRA_ISSUE_TYPE", "Task", "issue type of created issues", false,
      text(60));
  public static final ConfigKey JIRA_API_VERSION = new ConfigKey(
      "sink.jira.api.version", "JIRA_API_VERSION", "3", "3 (Cloud, ADF bodies) or 2 (Server/Data Center, wiki text)", false,
      exactlyOneOf("2", "3"));
  public static final ConfigKey JIRA_DONE_TRANSITION = new ConfigKey(
      "sink.jira.done.transition", "JIRA_DONE_TRANSITION", "Done", "transition applied on RESOLVED and CLOSED", false,
      text(255));
  public static final ConfigKey S3_AUDIT_BUCKET = new ConfigKey(
      "sink.s3.bucket", "S3_AUDIT_BUCKET", null, "bucket of the S3 audit trail", false,
      pattern("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
          "an S3 bucket name (3-63 lower-case letters, digits, '.', '-')"));
  public static final ConfigKey S3_AUDIT_PREFIX = new ConfigKey(
      "sink.s3.prefix", "S3_AUDIT_PREFIX", "compliance-audit", "key prefix of the audit trail objects", false,
      allOf(text(900), pattern("[^/].*", "a key prefix not starting with '/'")));
  public static final ConfigKey S3_AUDIT_REGION = new ConfigKey(
      "sink.s3.region", "S3_AUDIT_REGION", "us-east-1", "region of the audit bucket", false,
      region());
  public static final ConfigKey S3_AUDIT_ENDPOINT = new ConfigKey(
      "sink.s3.endpoint", "S3_AUDIT_ENDPOINT", null, "S3-compatible endpoint (MinIO, s3proxy) with path-style access", false,
      url());
  public static final ConfigKey S3_POSTURE_ENABLED = new ConfigKey(
      "sink.s3.posture.enabled", "S3_POSTURE_ENABLED", "true",
      "also write a daily full-posture snapshot (every live finding) to <prefix>/posture/dt=YYYY-MM-DD/posture.jsonl.gz", false,
      bool());
  public static final ConfigKey S3_POSTURE_TIME = new ConfigKey(
      "sink.s3.posture.time", "S3_POSTURE_TIME", "00:05",
      "UTC time of day (HH:MM) of the posture snapshot; one is also taken at start when today's is missing", false,
      timeOfDay());
  public static final ConfigKey OCSF_TOPIC = new ConfigKey(
      "sink.ocsf.topic", "OCSF_TOPIC", "compliance.finding.ocsf.v1", "topic of the OCSF 2003 Compliance Finding events (prefixed)", false,
      kafkaName(200));
  public static final ConfigKey OCSF_VERSION = new ConfigKey(
      "sink.ocsf.version", "OCSF_VERSION", "1.6.0",
      "OCSF schema version of the events: 1.6.0 (AWS Security Hub) or 1.1.0 (Amazon Security Lake)", false,
      exactlyOneOf("1.6.0", "1.1.0"));
  public static final ConfigKey HEC_URL = new ConfigKey(
      "sink.ocsf.hec.url", "SPLUNK_HEC_URL", null, "Splunk HTTP Event Collector base URL (optional)", false,
      url());
  public static final ConfigKey HEC_TOKEN = new ConfigKey(
      "sink.ocsf.hec.token", "SPLUNK_HEC_TOKEN", null, "Splunk HEC token", true,
      token());

  private static final List<ConfigKey> ALL = List.of(
      KAFKA_BOOTSTRAP_SERVERS,
      TOPIC_PREFIX,
      TOPIC_PARTITIONS,
      TOPIC_REPLICATION,
      TOPICS_CREATE,
      STREAMS_APPLICATION_ID,
      STREAMS_INSTANCE_ID,
      STREAMS_STATE_DIR,
      STREAMS_GUARANTEE,
      STREAMS_RECHECK_POLL,
      STREAMS_SCOPE_DEBOUNCE,
      STREAMS_DEDUPE_WINDOW,
      STREAMS_ATTRIBUTION_WINDOW,
      HTTP_BIND,
      HTTP_PORT,
      HTTP_ADVERTISED,
      HTTP_TOKEN,
      INGEST_REGIONS,
      INGEST_HOME_REGION,
      INGEST_THREADS,
      INGEST_RESYNC,
      INGEST_ROLE_ARNS,
      INGEST_EXTERNAL_ID,
      INGEST_ORGANIZATION_ROLE,
      INGEST_ORGANIZATION_EXCLUDE,
      INGEST_EVENTBRIDGE_QUEUE,
      INGEST_S3_LOG_QUEUE,
      INGEST_CONFIG_QUEUE,
      DASHBOARD_URL,
      SINK_MIN_SEVERITY,
      SINK_PRACTICES,
      SINK_ACCOUNTS,
      SINK_REGIONS,
      SINK_CHANGE_KINDS,
      SINK_INCLUDE_SUPPRESSED,
      SINK_MAX_ATTEMPTS,
      SLACK_WEBHOOK_URL,
      SLACK_BOT_TOKEN,
      SLACK_CHANNEL,
      SLACK_RESOLUTIONS,
      JIRA_URL,
      JIRA_EMAIL,
      JIRA_API_TOKEN,
      JIRA_BEARER_TOKEN,
      JIRA_PROJECT,
      JIRA_ISSUE_TYPE,
      JIRA_API_VERSION,
      JIRA_DONE_TRANSITION,
      S3_AUDIT_BUCKET,
      S3_AUDIT_PREFIX,
      S3_AUDIT_REGION,
      S3_AUDIT_ENDPOINT,
      S3_POSTURE_ENABLED,
      S3_POSTURE_TIME,
      OCSF_TOPIC,
      OCSF_VERSION,
      HEC_URL,
      HEC_TOKEN,
      SCHEMA_REGISTRY_URL,
      SCHEMA_REGISTRY_USER_INFO,
      SCHEMA_REGISTRY_TRUSTSTORE,
      SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD,
      AWS_ENDPOINT_URL,
      AWS_API_CALL_TIMEOUT,
      AWS_API_CALL_ATTEMPT_TIMEOUT,
      KAFKA_COMMAND_TIMEOUT,
      LOG_LEVEL);

  private ConfigKeys() {}

  public static List<ConfigKey> all() {
    return ALL;
  }

  public static Optional<ConfigKey> byKey(String key) {
    return ALL.stream().filter(k -> k.key().equals(key)).findFirst();
  }

  public static Optional<ConfigKey> byEnv(String env) {
    return ALL.stream().filter(k -> k.env().equals(env)).findFirst();
  }
}
