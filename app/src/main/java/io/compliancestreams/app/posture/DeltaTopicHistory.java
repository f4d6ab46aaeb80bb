package io.compliancestreams.app.posture;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.streams.query.PostureReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * From the delta topic alone: every delta from the beginning of each partition to its end offset
 * at the start of the read, replayed up to the instant. Exact only while the topic still holds its
 * very first deltas: a finding whose last change has passed the topic's retention (30 days) would
 * be missing from every rebuilt posture, so once any partition no longer begins at offset 0 the
 * topic answers no instant. Offsets for a timestamp are no shortcut: the state at an instant needs
 * every delta before it, not those after.
 */
final class DeltaTopicHistory implements PostureHistory {

  private final Map<String, Object> consumer;
  private final String topic;
  private final SerdeConfig serdes;
  private final Duration timeout;

  /**
   * @param consumer the consumer settings of the configuration (security included)
   * @param timeout how long the read may go without progress
   */
  DeltaTopicHistory(Map<String, Object> consumer, String topic, SerdeConfig serdes, Duration timeout) {
    Map<String, Object> config = new HashMap<>(consumer);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // The topology writes deltas in transactions: only committed ones happened.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, timeout.toMillis() / 2));
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "compliance-streams-posture-as-of");
    this.consumer = Map.copyOf(config);
    this.topic = topic;
    this.serdes = serdes;
    this.timeout = timeout;
  }

  @Override
  public PostureAsOf at(Instant asOf) {
    List<FindingDelta> deltas;
    try {
      deltas = readAll();
    } catch (KafkaException e) {
      throw new IllegalStateException("cannot read " + topic + ": " + e.getMessage(), e);
    }
    Instant earliest = deltas.stream().map(FindingDelta::getEvaluatedAt).min(Instant::compareTo)
        .orElseThrow(() -> new NoPostureAtInstant(topic + " holds no deltas yet: no posture to rebuild", null));
    if (asOf.isBefore(earliest)) {
      throw new NoPostureAtInstant("no posture before " + earliest + " in " + topic + ": its first delta was"
          + " evaluated then; ask for " + earliest + " or later", earliest);
    }
    List<PostureReplay.Change> changes = deltas.stream().map(Views::change).toList();
    return PostureAsOf.of(asOf, topic, null, PostureReplay.at(asOf, List.of(), changes));
  }

  private List<FindingDelta> readAll() {
    Deserializer<FindingDelta> values = AvroSerdes.findingDelta(serdes).deserializer();
    List<FindingDelta> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumer, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = c.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      c.assign(partitions);
      Map<TopicPartition, Long> begin = c.beginningOffsets(partitions, timeout);
      begin.forEach((tp, offset) -> {
        if (offset > 0) {
          throw new NoPostureAtInstant(topic + " no longer holds its first deltas (partition " + tp.partition()
              + " begins at offset " + offset + ": retention), so no posture can be rebuilt from it; configure"
              + " the s3 sink (sink.s3.bucket) and rebuild from its audit trail", null);
        }
      });
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions, timeout);
      long idleSince = System.nanoTime();
      while (partitions.stream().anyMatch(tp -> c.position(tp, timeout) < end.get(tp))) {
        if (System.nanoTime() - idleSince > timeout.toNanos()) {
          throw new IllegalStateException(topic + " not read to its end: no progress within " + timeout);
        }
        for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
          idleSince = System.nanoTime();
          if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition())) || r.value() == null) {
            continue;
          }
          try {
            out.add(values.deserialize(r.topic(), r.value()));
          } catch (RuntimeException e) {
            throw new IllegalStateException("unreadable delta in " + topic + " partition " + r.partition()
                + " offset " + r.offset() + ": " + e.getMessage(), e);
          }
        }
      }
    }
    return out;
  }
}
