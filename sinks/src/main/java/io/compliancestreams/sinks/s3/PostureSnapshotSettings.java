package io.compliancestreams.sinks.s3;

import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.clients.KafkaClientConfig;
import io.compliancestreams.sinks.runner.RetrySettings;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

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
 * @param streamsApplicationId the streams application's {@code application.id} (its consumer group):
 *     a snapshot is complete only once that group has caught up with its input; {@code null} checks
 *     nothing (every snapshot counts as complete — for tools without a streams application)
 * @param catchUpWait how long one attempt waits for the streams group to catch up before it fails
 *     (and is retried); the last attempt of the day writes the snapshot marked incomplete instead
 */
public record PostureSnapshotSettings(
    KafkaClientConfig kafka,
    String stateTopic,
    SerdeConfig serdeConfig,
    LocalTime time,
    RetrySettings retry,
    Duration readTimeout,
    String streamsApplicationId,
    Duration catchUpWait) {

  public static final LocalTime DEFAULT_TIME = LocalTime.of(0, 5);
  /**
   * 10 attempts, 30 s doubling to a 15 min cap: about 40 minutes of retries on average, long enough
   * to ride out an S3 or broker blip, short enough that the snapshot still lands on its own day.
   */
  public static final RetrySettings DEFAULT_RETRY =
      new RetrySettings(10, Duration.ofSeconds(30), Duration.ofMinutes(15), 2.0);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(10);
  /** Per attempt; with the retries, a first scan of an hour is waited for before anything is written. */
  public static final Duration DEFAULT_CATCH_UP_WAIT = Duration.ofMinutes(2);

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
    if (streamsApplicationId != null && streamsApplicationId.isBlank()) {
      throw new IllegalArgumentException("streamsApplicationId must not be blank");
    }
    if (catchUpWait == null || catchUpWait.isNegative()) {
      throw new IllegalArgumentException("catchUpWait must not be negative, was " + catchUpWait);
    }
  }

  /** The default time (00:05 UTC), retries and read timeout. */
  public static PostureSnapshotSettings of(String bootstrapServers, String stateTopic, SerdeConfig serdeConfig) {
    return of(KafkaClientConfig.plaintext(bootstrapServers), stateTopic, serdeConfig);
  }

  /** The same over the deployment's Kafka client properties. */
  public static PostureSnapshotSettings of(KafkaClientConfig kafka, String stateTopic, SerdeConfig serdeConfig) {
    return new PostureSnapshotSettings(kafka, stateTopic, serdeConfig, DEFAULT_TIME, DEFAULT_RETRY,
        DEFAULT_READ_TIMEOUT, null, DEFAULT_CATCH_UP_WAIT);
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  public PostureSnapshotSettings withTime(LocalTime value) {
    return new PostureSnapshotSettings(kafka, stateTopic, serdeConfig, value, retry, readTimeout,
        streamsApplicationId, catchUpWait);
  }

  public PostureSnapshotSettings withRetry(RetrySettings value) {
    return new PostureSnapshotSettings(kafka, stateTopic, serdeConfig, time, value, readTimeout,
        streamsApplicationId, catchUpWait);
  }

  /** Snapshots wait for this streams application (consumer group) to catch up with its input. */
  public PostureSnapshotSettings withStreamsApplicationId(String value) {
    return new PostureSnapshotSettings(kafka, stateTopic, serdeConfig, time, retry, readTimeout, value, catchUpWait);
  }

  public PostureSnapshotSettings withCatchUpWait(Duration value) {
    return new PostureSnapshotSettings(kafka, stateTopic, serdeConfig, time, retry, readTimeout,
        streamsApplicationId, value);
  }

  /** The catch-up check, when a streams application is named. */
  Optional<StreamsCatchUp> catchUp() {
    return Optional.ofNullable(streamsApplicationId)
        .map(id -> new StreamsCatchUp(kafka, id, catchUpWait, readTimeout));
  }
}
