package io.compliancestreams.sinks.runner;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets a sink is done with, per partition, and which of them may be committed. Pure
 * bookkeeping: no Kafka client, no destination.
 *
 * <p>A record is {@linkplain #begin begun} when the runner takes it from a poll and
 * {@linkplain #done done} once delivered, skipped or dead-lettered. The offset handed over is the one
 * after the last record of the completed run at the head: a record still open holds back every
 * record after it, even finished ones, so a commit never skips a record that is in neither the
 * destination nor the DLQ. Only begun offsets count, because a read_committed poll has gaps
 * (transaction markers, aborted records) that will never be done.
 *
 * <p>What is committed is the smaller of the offset handed over and the one the destination says
 * is durable, and only when it moves forward. A partition revoked or lost is {@linkplain #forget
 * forgotten}: its next owner starts from the committed offset.
 */
final class OffsetLedger {

  /** Begun offsets not yet released to {@link #handedOver}, each with whether it is done. */
  private final Map<TopicPartition, TreeMap<Long, Boolean>> open = new HashMap<>();
  /** Next offset per partition after the completed run at the head. */
  private final Map<TopicPartition, Long> handedOver = new HashMap<>();
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  void begin(TopicPartition partition, long offset) {
    open.computeIfAbsent(partition, tp -> new TreeMap<>()).put(offset, false);
  }

  /** Marks a begun record finished; an offset never begun (or forgotten since) is ignored. */
  void done(TopicPartition partition, long offset) {
    TreeMap<Long, Boolean> records = open.get(partition);
    if (records == null || records.replace(offset, true) == null) {
      return;
    }
    while (!records.isEmpty() && records.firstEntry().getValue()) {
      handedOver.put(partition, records.pollFirstEntry().getKey() + 1);
    }
  }

  /** The next offset handed over per partition, for those of {@code partitions} that have one. */
  Map<TopicPartition, Long> handedOver(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> out = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Long next = handedOver.get(tp);
      if (next != null) {
        out.put(tp, next);
      }
    }
    return out;
  }

  /**
   * What to commit given what was handed over and what the destination reports durable: per
   * partition the smaller of the two, when it is past the last commit. Partitions the destination
   * names but that were not handed over are ignored.
   */
  Map<TopicPartition, Long> toCommit(Map<TopicPartition, Long> offered, Map<TopicPartition, Long> durable) {
    Map<TopicPartition, Long> out = new HashMap<>();
    durable.forEach((tp, next) -> {
      Long handed = offered.get(tp);
      if (handed == null) {
        return;
      }
      long safe = Math.min(next, handed);
      if (safe > committed.getOrDefault(tp, -1L)) {
        out.put(tp, safe);
      }
    });
    return out;
  }

  /** Records a successful commit, so the same offsets are not committed again. */
  void committed(Map<TopicPartition, Long> offsets) {
    committed.putAll(offsets);
  }

  /** Drops everything known about partitions this consumer no longer owns. */
  void forget(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      open.remove(tp);
      handedOver.remove(tp);
      committed.remove(tp);
    }
  }
}
