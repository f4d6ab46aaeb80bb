package io.compliancestreams.it;

import io.compliancestreams.devkit.KafkaBroker;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.contract.ResourceKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producers and a read_committed delta reader for the pipeline's topics on a real broker. */
final class PipelineKafka implements AutoCloseable {

  private final KafkaBroker broker;
  private final KafkaProducer<String, ResourceSnapshot> snapshots;
  private final KafkaProducer<String, CloudTrailEvent> events;
  private final KafkaConsumer<String, FindingDelta> deltas;

  PipelineKafka(KafkaBroker broker, String deltaTopic) {
    this(broker, deltaTopic, SerdeConfig.singleObject());
  }

  /** With the serdes of {@code serdes}' wire format (a schema registry, or single-object encoding). */
  PipelineKafka(KafkaBroker broker, String deltaTopic, SerdeConfig serdes) {
    this.broker = broker;
    Map<String, Object> producer = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    snapshots = new KafkaProducer<>(producer, new StringSerializer(),
        AvroSerdes.resourceSnapshot(serdes).serializer());
    events = new KafkaProducer<>(producer, new StringSerializer(),
        AvroSerdes.cloudTrailEvent(serdes).serializer());
    deltas = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-deltas-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new StringDeserializer(), AvroSerdes.findingDelta(serdes).deserializer());
    deltas.subscribe(List.of(deltaTopic));
  }

  void send(String topic, ResourceSnapshot s, long timestamp) {
    String key = ResourceKey.of(s.getAccountId(), s.getAwsRegion(), s.getResourceType(), s.getResourceId()).format();
    try {
      snapshots.send(new ProducerRecord<>(topic, null, timestamp, key, s)).get();
    } catch (Exception e) {
      throw new AssertionError("produce " + key, e);
    }
  }

  void send(String topic, CloudTrailEvent e, long timestamp) {
    String key = e.getRecipientAccountId() + "/" + e.getAwsRegion();
    try {
      events.send(new ProducerRecord<>(topic, null, timestamp, key, e)).get();
    } catch (Exception ex) {
      throw new AssertionError("produce event " + e.getEventId(), ex);
    }
  }

  /** Every delta committed so far (polls for up to {@code quiet} of silence). */
  List<FindingDelta> drainDeltas(List<FindingDelta> into, Duration quiet) {
    long idleSince = System.nanoTime();
    while (System.nanoTime() - idleSince < quiet.toNanos()) {
      var records = deltas.poll(Duration.ofMillis(200));
      for (ConsumerRecord<String, FindingDelta> r : records) {
        into.add(r.value());
      }
      if (!records.isEmpty()) {
        idleSince = System.nanoTime();
      }
    }
    return into;
  }

  List<FindingDelta> poll() {
    List<FindingDelta> out = new ArrayList<>();
    deltas.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
    return out;
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public void close() {
    snapshots.close();
    events.close();
    deltas.close();
  }
}
