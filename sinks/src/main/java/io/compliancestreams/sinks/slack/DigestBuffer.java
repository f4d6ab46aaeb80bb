package io.compliancestreams.sinks.slack;

import io.compliancestreams.sinks.runner.SinkRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of a burst waiting for their digest. They are not durable until the digest went
 * out, so this buffer also answers which offsets the runner may commit.
 */
final class DigestBuffer {

  private final List<SinkRecord> records = new ArrayList<>();
  private Instant openedAt;

  void add(SinkRecord record, Instant now) {
    if (records.isEmpty()) {
      openedAt = now;
    }
    records.add(record);
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  int size() {
    return records.size();
  }

  Optional<Instant> openedAt() {
    return records.isEmpty() ? Optional.empty() : Optional.of(openedAt);
  }

  List<SinkRecord> records() {
    return List.copyOf(records);
  }

  void clear() {
    records.clear();
    openedAt = null;
  }

  /** The lowest buffered offset per partition: nothing from there on is durable yet. */
  Map<TopicPartition, Long> firstPending() {
    Map<TopicPartition, Long> first = new TreeMap<>(
        Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
    for (SinkRecord r : records) {
      first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
    }
    return first;
  }

  /** Revoked partitions will be consumed again by their new owner: forget their records. */
  void drop(Collection<TopicPartition> partitions) {
    records.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
    if (records.isEmpty()) {
      openedAt = null;
    }
  }
}
