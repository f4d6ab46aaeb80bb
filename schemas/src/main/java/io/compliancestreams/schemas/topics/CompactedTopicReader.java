package io.compliancestreams.schemas.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of a topic from the beginning to the end offsets it has when reading
 * starts, in offset order per partition; later records are left for the next read. A plain consumer
 * with {@code assign()}: no group, nothing committed, because the whole topic is read every time.
 * read_committed, so a topic written in transactions yields only committed records and an open
 * transaction does not hold the read up (the end offsets are then the last stable offsets).
 *
 * <pre>{@code
 * long read = new CompactedTopicReader(Map.of("bootstrap.servers", bootstrap), "my-app", Duration.ofSeconds(30))
 *     .readToEnd(topic, record -> view.apply(record.key(), record.value()));
 * }</pre>
 */
public final class CompactedTopicReader {

  /** How long a topic missing from the metadata is waited for before it counts as missing. */
  private static final Duration NEW_TOPIC_GRACE = Duration.ofSeconds(5);

  private final Map<String, Object> clientConfig;
  private final Duration timeout;

  /**
   * @param clientConfig at least {@code bootstrap.servers} (and any security settings)
   * @param clientId the consumer's client id, so the broker's logs and quotas can tell readers apart
   * @param timeout for metadata and for the whole read
   */
  public CompactedTopicReader(Map<String, Object> clientConfig, String clientId, Duration timeout) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Reading must never create the topic with the broker's defaults (not compacted).
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    this.clientConfig = Map.copyOf(config);
    this.timeout = timeout;
  }

  /**
   * Hands each record (a null value is a tombstone) to {@code each}; returns how many. Throws
   * {@link IllegalStateException} when the topic does not exist or is not read within the timeout,
   * and Kafka's exceptions when the cluster cannot be reached.
   */
  public long readToEnd(String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(clientConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<PartitionInfo> infos = partitions(consumer, topic);
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
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
            each.accept(record);
            read++;
          }
        }
      }
      return read;
    }
  }

  /**
   * The topic's partitions. A topic created a moment ago (a sink creates its map topic just before
   * reading it) may not be in the metadata yet: asked again for a few seconds (a cluster shares a
   * new topic's metadata in far less) before it counts as missing.
   */
  private List<PartitionInfo> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    long deadline = System.nanoTime() + Math.min(timeout.toNanos(), NEW_TOPIC_GRACE.toNanos());
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
      if (infos != null && !infos.isEmpty()) {
        return infos;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topic " + topic + " does not exist");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for topic " + topic, e);
      }
    }
  }

  private boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
  }
}
