package io.compliancestreams.sinks.runner;

import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.compliancestreams.schemas.topics.LogicalTopics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a {@link SinkRunner} needs, built once by {@code app}.
 *
 * @param kafka the deployment's Kafka client properties (bootstrap servers, security)
 * @param deltaTopic the (prefixed) delta topic, {@code compliance.finding.delta.v1}
 * @param groupId the sink's own consumer group, by default {@link #groupId(String, String)}
 * @param serdeConfig how the delta values are encoded (single-object or registry)
 * @param filter which deltas the sink wants; the others are skipped (and committed)
 * @param retry backoff and attempts before the dead-letter topic
 * @param flushInterval how often the destination is flushed when no record arrives
 * @param pollTimeout the longest single poll
 * @param clientOverrides extra consumer and producer properties (security, timeouts), applied last
 *     except for the ones the runner's guarantees rest on (isolation, auto-commit, (de)serializers)
 */
public record SinkSettings(
    KafkaClientConfig kafka,
    String deltaTopic,
    String groupId,
    SerdeConfig serdeConfig,
    DeltaFilter filter,
    RetrySettings retry,
    Duration flushInterval,
    Duration pollTimeout,
    Map<String, Object> clientOverrides) {

  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);

  public SinkSettings {
    Objects.requireNonNull(kafka, "kafka");
    requireText(deltaTopic, "deltaTopic");
    requireText(groupId, "groupId");
    Objects.requireNonNull(serdeConfig, "serdeConfig");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(retry, "retry");
    requirePositive(flushInterval, "flushInterval");
    requirePositive(pollTimeout, "pollTimeout");
    clientOverrides = Map.copyOf(clientOverrides);
  }

  /** Defaults: every delta but suppressed ones, {@link RetrySettings#DEFAULT}, 5 s flush, 0.5 s poll. */
  public static SinkSettings of(String bootstrapServers, String deltaTopic, String groupId, SerdeConfig serdeConfig) {
    return of(KafkaClientConfig.plaintext(bootstrapServers), deltaTopic, groupId, serdeConfig);
  }

  /** The same over the deployment's Kafka client properties. */
  public static SinkSettings of(KafkaClientConfig kafka, String deltaTopic, String groupId, SerdeConfig serdeConfig) {
    return new SinkSettings(kafka, deltaTopic, groupId, serdeConfig, DeltaFilter.ALL,
        RetrySettings.DEFAULT, DEFAULT_FLUSH_INTERVAL, DEFAULT_POLL_TIMEOUT, Map.of());
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The default group of a sink: {@code <prefix>compliance-sink-<name>}. */
  public static String groupId(String prefix, String sinkName) {
    return (prefix == null ? "" : prefix) + "compliance-sink-" + sinkName;
  }

  /** The sink's dead-letter topic: {@code <delta topic>.<sink name>.dlq}. */
  public String deadLetterTopic(String sinkName) {
    return LogicalTopics.sinkDlq(deltaTopic, sinkName);
  }

  public SinkSettings withFilter(DeltaFilter value) {
    return new SinkSettings(kafka, deltaTopic, groupId, serdeConfig, value, retry, flushInterval,
        pollTimeout, clientOverrides);
  }

  public SinkSettings withRetry(RetrySettings value) {
    return new SinkSettings(kafka, deltaTopic, groupId, serdeConfig, filter, value, flushInterval,
        pollTimeout, clientOverrides);
  }

  public SinkSettings withFlushInterval(Duration value) {
    return new SinkSettings(kafka, deltaTopic, groupId, serdeConfig, filter, retry, value,
        pollTimeout, clientOverrides);
  }

  public SinkSettings withPollTimeout(Duration value) {
    return new SinkSettings(kafka, deltaTopic, groupId, serdeConfig, filter, retry, flushInterval,
        value, clientOverrides);
  }

  public SinkSettings withClientOverrides(Map<String, Object> value) {
    return new SinkSettings(kafka, deltaTopic, groupId, serdeConfig, filter, retry, flushInterval,
        pollTimeout, value);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
