package io.compliancestreams.app.config;

import java.util.List;
import java.util.Optional;

/**
 * Every configuration key the runnable reads. The README's configuration table and the
 * docker-compose file are checked against this list by tests, so the three stay in step.
 */
public final class ConfigKeys {

  public static final ConfigKey KAFKA_BOOTSTRAP_SERVERS = new ConfigKey(
      "kafka.bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS", null,
      "Kafka cluster to use; when unset, tests and the demo start an in-JVM broker", false);
  public static final ConfigKey SCHEMA_REGISTRY_URL = new ConfigKey(
      "schema.registry.url", "SCHEMA_REGISTRY_URL", null,
      "Confluent-compatible schema registry; when set, serdes use the Confluent wire format,"
          + " otherwise Avro single-object encoding", false);
  public static final ConfigKey SCHEMA_REGISTRY_USER_INFO = new ConfigKey(
      "basic.auth.user.info", "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", null,
      "user:password for the schema registry's basic auth", true);
  public static final ConfigKey SCHEMA_REGISTRY_TRUSTSTORE = new ConfigKey(
      "schema.registry.ssl.truststore.location", "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", null,
      "trust store (PKCS12 or JKS) for a TLS schema registry", false);
  public static final ConfigKey SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD = new ConfigKey(
      "schema.registry.ssl.truststore.password", "SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD", null,
      "password of that trust store", true);
  public static final ConfigKey AWS_ENDPOINT_URL = new ConfigKey(
      "aws.endpoint.url", "AWS_ENDPOINT_URL", null,
      "an AWS-compatible endpoint (moto, LocalStack) instead of AWS; tests start a local moto"
          + " server when unset", false);
  public static final ConfigKey LOG_LEVEL = new ConfigKey(
      "log.level", "LOG_LEVEL", "INFO", "root log level; logs go to stderr", false);

  public static final ConfigKey TOPIC_PREFIX = new ConfigKey(
      "topic.prefix", "TOPIC_PREFIX", "",
      "prefix of every topic name, so several pipelines can share a cluster", false);
  public static final ConfigKey TOPIC_PARTITIONS = new ConfigKey(
      "topic.partitions", "TOPIC_PARTITIONS", "6",
      "partitions of the topics created by the pipeline (equal for all: they are co-partitioned)",
      false);
  public static final ConfigKey TOPIC_REPLICATION = new ConfigKey(
      "topic.replication.factor", "TOPIC_REPLICATION_FACTOR", "1",
      "replication factor of created topics and of Kafka Streams' internal topics (production: 3)",
      false);
  public static final ConfigKey TOPICS_CREATE = new ConfigKey(
      "topics.create", "TOPICS_CREATE", "true",
      "create missing topics at start; false for locked-down clusters (they are then only verified)",
      false);
  public static final ConfigKey STREAMS_APPLICATION_ID = new ConfigKey(
      "streams.application.id", "STREAMS_APPLICATION_ID", "compliance-streams",
      "Kafka Streams application id: instances with the same id share the work", false);
  public static final ConfigKey STREAMS_STATE_DIR = new ConfigKey(
      "streams.state.dir", "STREAMS_STATE_DIR", "./state",
      "where RocksDB state lives (a persistent volume in production)", false);
  public static final ConfigKey STREAMS_GUARANTEE = new ConfigKey(
      "streams.processing.guarantee", "STREAMS_PROCESSING_GUARANTEE", "exactly_once_v2",
      "exactly_once_v2 or at_least_once", false);
  public static final ConfigKey STREAMS_RECHECK_POLL = new ConfigKey(
      "streams.recheck.poll", "STREAMS_RECHECK_POLL", "PT10S",
      "how often wall-clock punctuation looks for due time-based re-evaluations (ISO-8601)",
      false);
  public static final ConfigKey STREAMS_SCOPE_DEBOUNCE = new ConfigKey(
      "streams.scope.debounce", "STREAMS_SCOPE_DEBOUNCE", "PT0.5S",
      "quiet time after the last snapshot of an account before its account/region practices are"
          + " evaluated (ISO-8601)", false);
  public static final ConfigKey STREAMS_DEDUPE_WINDOW = new ConfigKey(
      "streams.event.dedupe.window", "STREAMS_EVENT_DEDUPE_WINDOW", "PT24H",
      "how long CloudTrail event ids are remembered to drop duplicates (ISO-8601)", false);
  public static final ConfigKey HTTP_BIND = new ConfigKey(
      "http.bind", "HTTP_BIND", "127.0.0.1",
      "address the HTTP server (dashboard, API, metrics, health) binds to", false);
  public static final ConfigKey HTTP_PORT = new ConfigKey(
      "http.port", "HTTP_PORT", "8080", "port of the HTTP server; 0 picks a free one", false);
  public static final ConfigKey HTTP_ADVERTISED = new ConfigKey(
      "http.advertised.address", "HTTP_ADVERTISED_ADDRESS", null,
      "host:port other instances use to reach this one's query API (default: bind:port)", false);
  public static final ConfigKey HTTP_TOKEN = new ConfigKey(
      "http.token", "HTTP_TOKEN", null,
      "bearer token required on every HTTP endpoint but /health (unset: no token)", true);

  public static final ConfigKey INGEST_REGIONS = new ConfigKey(
      "ingest.regions", "INGEST_REGIONS", null,
      "comma-separated regions to scan (default: every enabled region)", false);
  public static final ConfigKey INGEST_HOME_REGION = new ConfigKey(
      "ingest.home.region", "INGEST_HOME_REGION", "us-east-1",
      "region for account-wide calls (STS, IAM, S3 Control) and the collectors' global snapshots", false);
  public static final ConfigKey INGEST_THREADS = new ConfigKey(
      "ingest.scan.threads", "INGEST_SCAN_THREADS", "4", "scopes (account × region × collector) scanned in parallel", false);
  public static final ConfigKey INGEST_RESYNC = new ConfigKey(
      "ingest.resync.interval", "INGEST_RESYNC_INTERVAL", "PT6H",
      "full rescan interval (ISO-8601): CloudTrail delivery is best-effort, the resync makes it complete", false);
  public static final ConfigKey INGEST_ROLE_ARNS = new ConfigKey(
      "ingest.assume.role.arns", "INGEST_ASSUME_ROLE_ARNS", null,
      "comma-separated role ARNs in other accounts to scan through STS AssumeRole", false);
  public static final ConfigKey INGEST_EXTERNAL_ID = new ConfigKey(
      "ingest.assume.role.external.id", "INGEST_ASSUME_ROLE_EXTERNAL_ID", null,
      "external id for those roles", true);
  public static final ConfigKey INGEST_EVENTBRIDGE_QUEUE = new ConfigKey(
      "ingest.cloudtrail.eventbridge.queue.url", "INGEST_CLOUDTRAIL_EVENTBRIDGE_QUEUE_URL", null,
      "SQS queue fed by an EventBridge rule for 'AWS API Call via CloudTrail' events", false);
  public static final ConfigKey INGEST_S3_LOG_QUEUE = new ConfigKey(
      "ingest.cloudtrail.s3.queue.url", "INGEST_CLOUDTRAIL_S3_QUEUE_URL", null,
      "SQS queue receiving S3 event notifications (direct or via SNS) for CloudTrail log files", false);
  public static final ConfigKey INGEST_CONFIG_QUEUE = new ConfigKey(
      "ingest.config.queue.url", "INGEST_CONFIG_QUEUE_URL", null,
      "SQS queue receiving AWS Config configuration item change notifications", false);

  private static final List<ConfigKey> ALL = List.of(
      KAFKA_BOOTSTRAP_SERVERS,
      TOPIC_PREFIX,
      TOPIC_PARTITIONS,
      TOPIC_REPLICATION,
      TOPICS_CREATE,
      STREAMS_APPLICATION_ID,
      STREAMS_STATE_DIR,
      STREAMS_GUARANTEE,
      STREAMS_RECHECK_POLL,
      STREAMS_SCOPE_DEBOUNCE,
      STREAMS_DEDUPE_WINDOW,
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
      INGEST_EVENTBRIDGE_QUEUE,
      INGEST_S3_LOG_QUEUE,
      INGEST_CONFIG_QUEUE,
      SCHEMA_REGISTRY_URL,
      SCHEMA_REGISTRY_USER_INFO,
      SCHEMA_REGISTRY_TRUSTSTORE,
      SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD,
      AWS_ENDPOINT_URL,
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
