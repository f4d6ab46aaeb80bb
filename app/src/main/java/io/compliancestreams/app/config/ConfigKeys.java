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

  private static final List<ConfigKey> ALL = List.of(
      KAFKA_BOOTSTRAP_SERVERS,
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

  public static Optional<ConfigKey> byEnv(String env) {
    return ALL.stream().filter(k -> k.env().equals(env)).findFirst();
  }
}
