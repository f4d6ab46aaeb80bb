package io.compliancestreams.sinks.s3;

import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.compliancestreams.sinks.runner.RetrySettings;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The daily full-posture snapshot of the S3 sink: where the finding state is read from and when the
 * snapshot is taken.
 *
 * @param kafka the deployment's Kafka client properties
 * @param stateTopic the (prefixed) compacted state topic, {@code compliance.finding.state.v1}
 * @param serdeConfig how the Finding values are encoded (single-object or registry)
 * @param time the UTC time of day of the daily snapshot
 * @param retry backoff and attempts when a snapshot fails (Kafka or S3 unreachable); after the last
 *     attempt the day is skipped, and the next day's run tries again
 * @param readTimeout the longest a snapshot may take to read the state topic to its end offsets
 */
public record PostureSnapshotSettings(
    KafkaClientConfig kafka,
    String stateTopic,
    SerdeConfig serdeConfig,
    LocalTime time,
    RetrySettings retry,
    Duration readTimeout) {

  public static final LocalTime DEFAULT_TIME = LocalTime.of(0, 5);
  /**
   * 10 attempts, 30 s doubling to a 15 min cap: about 40 minutes of retries on average, long enough
   * to ride out an S3 or broker blip, short enough that the snapshot still lands on its own day.
   */
  public static final RetrySettings DEFAULT_RETRY =
      new RetrySettings(10, Duration.ofSeconds(30), Duration.ofMinutes(15), 2.0);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(10);

  public PostureSnapshotSettings {
    Objects.requireNonNull(kafka, "kafka");
    if (stateTopic == null || stateTopic.isBlank()) {
      throw new IllegalArgumentException("stateTopic must not be blank");
    }
    Objects.requireNonNull(serdeConfig, "serdeConfig");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(retry, "retry");
    if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("readTimeout must be positive, was " + readTimeout);
    }
  }

  /** The default time (00:05 UTC), retries and read timeout. */
  public static PostureSnapshotSettings of(String bootstrapServers, String stateTopic, SerdeConfig serdeConfig) {
    return of(KafkaClientConfig.plaintext(bootstrapServers), stateTopic, serdeConfig);
  }

  /** The same over the deployment's Kafka client properties. */
  public static PostureSnapshotSettings of(KafkaClientConfig kafka, String stateTopic, SerdeConfig serdeConfig) {
    return new PostureSnapshotSettings(kafka, stateTopic, serdeConfig, DEFAULT_TIME, DEFAULT_RETRY,
        DEFAULT_READ_TIMEOUT);
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public PostureSnapshotSettings withTime(LocalTime value) {
    return new PostureSnapshotSettings(kafka, stateTopic, serdeConfig, value, retry, readTimeout);
  }

  public PostureSnapshotSettings withRetry(RetrySettings value) {
    return new PostureSnapshotSettings(kafka, stateTopic, serdeConfig, time, value, readTimeout);
  }
}
