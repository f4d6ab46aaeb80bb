package io.compliancestreams.sinks.runner;

import java.util.Collection;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a sink delivers deltas. Implementations must be idempotent: the runner delivers at least
 * once, so after a crash or a rebalance the same record (same delta id, same offset) may come
 * again and must not produce a second Slack message thread, Jira issue or S3 record.
 *
 * <p>A destination that delivers each record at once (Slack, Jira, HTTP collectors) only
 * implements {@link #deliver}. One that buffers (the S3 audit trail writes objects of many
 * records) also overrides {@link #durableOffsets}, {@link #flush} and {@link #onRevoked}: the
 * runner commits only what the destination says is durable.
 */
public interface Destination extends AutoCloseable {

  /** {@code slack}, {@code jira}, {@code s3}, {@code ocsf}: names the consumer group and DLQ. */
  String name();

  /** Delivers (or buffers) one record. */
  void deliver(SinkRecord record) throws DeliveryException;

  /**
   * Given the next offset handed over per partition, the next offset that is durable at the
   * destination (never more than handed over). Default: everything handed over is durable.
   */
  default Map<TopicPartition, Long> durableOffsets(Map<TopicPartition, Long> handedOver) {
    return handedOver;
  }

  /**
   * Writes out what is due (or everything, when {@code force}: shutdown, revocation). Called after
   * each poll and on the runner's timer.
   */
  default void flush(boolean force) throws DeliveryException {}

  /** Partitions taken away in a rebalance: drop their buffers (they will be consumed again). */
  default void onRevoked(Collection<TopicPartition> partitions) {}

  @Override
  default void close() {}
}
