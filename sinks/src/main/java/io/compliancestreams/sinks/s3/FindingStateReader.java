package io.compliancestreams.sinks.s3;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.sinks.runner.DeliveryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted finding state topic from the beginning up to the end offsets taken when the
 * read starts, and keeps the latest value per finding id; a tombstone removes the finding. No
 * consumer group (assign, nothing committed), and read_committed because the topology writes the
 * topic in transactions: the end offsets are then the last stable offsets, so an open transaction
 * neither blocks the read nor leaks uncommitted findings into the posture.
 */
final class FindingStateReader {

  private static final Logger LOG = LoggerFactory.getLogger(FindingStateReader.class);
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

  private final PostureSnapshotSettings settings;

  FindingStateReader(PostureSnapshotSettings settings) {
    this.settings = settings;
  }

  /** The live findings by id, as of the end offsets at the start of the call. */
  SortedMap<String, Finding> read() throws DeliveryException {
    String topic = settings.stateTopic();
    Deserializer<Finding> values = AvroSerdes.finding(settings.serdeConfig()).deserializer();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "posture-snapshot"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      if (partitions.isEmpty()) {
        // Missing rather than empty: an empty posture object would claim there are no findings.
        throw DeliveryException.retryable("state topic " + topic + " not found", null);
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
      SortedMap<String, Finding> live = new TreeMap<>();
      long deadline = System.nanoTime() + settings.readTimeout().toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, METADATA_TIMEOUT) < end.get(p))) {
        if (System.nanoTime() - deadline > 0) {
          throw DeliveryException.retryable("reading " + topic + " took longer than " + settings.readTimeout(), null);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            apply(live, r, values);
          }
        }
      }
      return live;
    } catch (KafkaException e) {
      throw DeliveryException.retryable("reading " + topic + " failed: " + e.getMessage(), e);
    }
  }

  private static void apply(SortedMap<String, Finding> live, ConsumerRecord<String, byte[]> r,
      Deserializer<Finding> values) {
    if (r.key() == null) {
      return;
    }
    if (r.value() == null) {
      live.remove(r.key());
      return;
    }
    try {
      live.put(r.key(), values.deserialize(r.topic(), r.value()));
    } catch (RuntimeException e) {
      // The finding's current state is unknown: leave it out rather than report an older one.
      live.remove(r.key());
      LOG.warn("posture snapshot: undecodable state of {} at {}-{}@{} left out: {}", r.key(), r.topic(),
          r.partition(), r.offset(), e.getMessage());
    }
  }
}
