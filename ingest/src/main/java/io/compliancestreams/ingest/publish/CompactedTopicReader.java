package io.compliancestreams.ingest.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of a topic from the beginning to the end offsets it has when reading
 * starts, in offset order per partition. A plain consumer with {@code assign()}: no group, no
 * committed offsets, because the whole topic is read on every start.
 */
final class CompactedTopicReader {

  private final Map<String, Object> clientConfig;
  private final Duration timeout;

  /** {@code clientConfig}: at least {@code bootstrap.servers} (and any security settings). */
  CompactedTopicReader(Map<String, Object> clientConfig, Duration timeout) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.timeout = timeout;
  }

  /** Hands each record (key, value; null value for a tombstone) to {@code each}; returns how many. */
  long readToEnd(String topic, BiConsumer<String, byte[]> each) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Reading must never create the topic with the broker's defaults (not compacted).
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "compliance-streams-ingest-inventory");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      long read = 0;
      while (!caughtUp(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topic " + topic + " not read to its end within " + timeout);
        }
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          each.accept(record.key(), record.value());
          read++;
        }
      }
      return read;
    }
  }

  private boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
  }
}
