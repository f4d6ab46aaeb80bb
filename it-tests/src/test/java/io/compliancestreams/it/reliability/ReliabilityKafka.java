package io.compliancestreams.it.reliability;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.streams.topology.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Raw producers and read_committed readers for the reliability tests. */
final class ReliabilityKafka implements AutoCloseable {

  private final String bootstrap;
  private final KafkaProducer<String, byte[]> producer;

  ReliabilityKafka(String bootstrap) {
    this.bootstrap = bootstrap;
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  void send(Topics topics, Workload.Input in) {
    send(topics.byName(in.logicalTopic()), in.key(), in.value(), in.timestamp());
  }

  void send(String topic, String key, byte[] value, long timestamp) {
    producer.send(new ProducerRecord<>(topic, null, timestamp, key, value), (m, e) -> {
      if (e != null) {
        throw new AssertionError("produce to " + topic, e);
      }
    });
  }

  void flush() {
    producer.flush();
  }

  /** Consumes a topic from the beginning with read_committed, calling back for each record. */
  final class Reader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;

    Reader(String topic) {
      consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ConsumerConfig.GROUP_ID_CONFIG, "rel-" + UUID.randomUUID(),
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
          new StringDeserializer(), new ByteArrayDeserializer());
      consumer.subscribe(List.of(topic));
    }

    int poll(BiConsumer<ConsumerRecord<String, byte[]>, Integer> each) {
      var records = consumer.poll(Duration.ofMillis(200));
      records.forEach(r -> each.accept(r, 0));
      return records.count();
    }

    /** Polls until {@code quiet} passes without a record. */
    void drain(Duration quiet, BiConsumer<ConsumerRecord<String, byte[]>, Integer> each) {
      long idleSince = System.nanoTime();
      while (System.nanoTime() - idleSince < quiet.toNanos()) {
        if (poll(each) > 0) {
          idleSince = System.nanoTime();
        }
      }
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  /** Reads deltas (as {@link Workload#line}) as they are committed. */
  final class Deltas implements AutoCloseable {
    final List<String> lines = new ArrayList<>();
    private final Reader reader;
    private final org.apache.kafka.common.serialization.Deserializer<FindingDelta> avro =
        AvroSerdes.findingDelta(SerdeConfig.singleObject()).deserializer();

    Deltas(String topic) {
      reader = new Reader(topic);
    }

    int poll() {
      reader.poll((r, i) -> lines.add(Workload.line(avro.deserialize(r.topic(), r.value()))));
      return lines.size();
    }

    List<String> drain(Duration quiet) {
      reader.drain(quiet, (r, i) -> lines.add(Workload.line(avro.deserialize(r.topic(), r.value()))));
      return lines;
    }

    @Override
    public void close() {
      reader.close();
    }
  }

  /** The latest value per key of the finding-state topic (tombstones remove). */
  Map<String, String> latestStates(String topic) {
    var avro = AvroSerdes.finding(SerdeConfig.singleObject()).deserializer();
    Map<String, String> latest = new LinkedHashMap<>();
    try (Reader reader = new Reader(topic)) {
      reader.drain(Duration.ofSeconds(3), (r, i) -> {
        if (r.value() == null) {
          latest.remove(r.key());
        } else {
          Finding f = avro.deserialize(r.topic(), r.value());
          latest.put(r.key(), Workload.state(f));
        }
      });
    }
    return latest;
  }

  @Override
  public void close() {
    producer.close();
  }
}
