package io.compliancestreams.app.config;

import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.scan.OrganizationAccounts;
import io.compliancestreams.ingest.scan.ScanTargets;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.compliancestreams.streams.topology.StreamsSettings;
import io.compliancestreams.streams.topology.Topics;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Maps the app's configuration to each component's typed settings. */
public final class Settings {

  private Settings() {}

  public static SerdeConfig serdes(AppConfig config) {
    Map<String, Object> map = new HashMap<>();
    config.get(ConfigKeys.SCHEMA_REGISTRY_URL).ifPresent(v -> map.put(SerdeConfig.SCHEMA_REGISTRY_URL, v));
    config.get(ConfigKeys.SCHEMA_REGISTRY_USER_INFO).ifPresent(v -> map.put(SerdeConfig.BASIC_AUTH_USER_INFO, v));
    config.get(ConfigKeys.SCHEMA_REGISTRY_TRUSTSTORE).ifPresent(v -> map.put(SerdeConfig.TRUSTSTORE_LOCATION, v));
    config.get(ConfigKeys.SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD)
        .ifPresent(v -> map.put(SerdeConfig.TRUSTSTORE_PASSWORD, v));
    try {
      return SerdeConfig.fromMap(map);
    } catch (RuntimeException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /**
   * The base properties of every Kafka client the process creates ({@link KafkaClientSettings}):
   * the one place connection and security settings come from.
   */
  public static KafkaClientConfig kafka(AppConfig config) {
    return KafkaClientSettings.of(config).clients();
  }

  public static Topics topics(AppConfig config) {
    return new Topics(config.get(ConfigKeys.TOPIC_PREFIX).orElse(""));
  }

  /** @param advertised this instance's query API as host:port, or null */
  public static StreamsSettings streams(AppConfig config, String advertised) {
    int replication = config.integer(ConfigKeys.TOPIC_REPLICATION);
    KafkaClientConfig clients = kafka(config);
    try {
      return new StreamsSettings(
          config.string(ConfigKeys.STREAMS_APPLICATION_ID),
          clients.bootstrapServers(),
          topics(config),
          config.integer(ConfigKeys.TOPIC_PARTITIONS),
          (short) replication,
          config.string(ConfigKeys.STREAMS_GUARANTEE),
          config.string(ConfigKeys.STREAMS_STATE_DIR),
          java.time.Duration.ofMillis(100),
          config.duration(ConfigKeys.STREAMS_RECHECK_POLL),
          config.duration(ConfigKeys.STREAMS_SCOPE_DEBOUNCE),
          config.duration(ConfigKeys.STREAMS_DEDUPE_WINDOW),
          serdes(config),
          config.bool(ConfigKeys.TOPICS_CREATE),
          advertised,
          config.get(ConfigKeys.STREAMS_INSTANCE_ID).orElse(null),
          clients,
          config.duration(ConfigKeys.STREAMS_ATTRIBUTION_WINDOW));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /**
   * The accounts a full scan covers: the credentials' own, {@code ingest.assume.role.arns}, and with
   * {@code ingest.organization.role.name} set, the organization's other accounts.
   */
  public static ScanTargets scanTargets(AppConfig config, AwsSettings aws, String homeRegion) {
    OrganizationAccounts organization = null;
    if (config.get(ConfigKeys.INGEST_ORGANIZATION_ROLE).isPresent()) {
      try {
        organization = new OrganizationAccounts(config.string(ConfigKeys.INGEST_ORGANIZATION_ROLE));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(ConfigKeys.INGEST_ORGANIZATION_ROLE.key() + ": " + e.getMessage());
      }
      try {
        organization = organization.excluding(
            new LinkedHashSet<>(list(config, ConfigKeys.INGEST_ORGANIZATION_EXCLUDE)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(ConfigKeys.INGEST_ORGANIZATION_EXCLUDE.key() + ": " + e.getMessage());
      }
    }
    return new ScanTargets(aws, homeRegion, list(config, ConfigKeys.INGEST_ROLE_ARNS),
        config.get(ConfigKeys.INGEST_EXTERNAL_ID).orElse(null), organization);
  }

  /** A comma-separated value's items, trimmed, empty ones dropped. */
  private static List<String> list(AppConfig config, ConfigKey key) {
    return config.get(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }
}
