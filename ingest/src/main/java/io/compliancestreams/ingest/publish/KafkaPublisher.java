package io.compliancestreams.ingest.publish;

import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one Kafka producer of ingest: idempotent, {@code acks=all}, String keys, values encoded with
 * the contract's Avro serdes. Values are encoded here rather than by the producer so snapshots,
 * events and dead letters (raw bytes) share one producer and one connection pool.
 *
 * <pre>{@code
 * try (KafkaPublisher publisher = KafkaPublisher.create(
 *     Map.of("bootstrap.servers", servers), SerdeConfig.singleObject(), TopicNames.defaults())) {
 *   publisher.snapshot(snapshot).join();
 * }
 * }</pre>
 */
public final class KafkaPublisher implements Publisher, AutoCloseable {

  private final Producer<String, byte[]> producer;
  private final TopicNames topics;
  private final Serializer<ResourceSnapshot> snapshots;
  private final Serializer<CloudTrailEvent> events;

  KafkaPublisher(Producer<String, byte[]> producer, SerdeConfig serdes, TopicNames topics) {
    this.producer = producer;
    this.topics = topics;
    this.snapshots = AvroSerdes.resourceSnapshot(serdes).serializer();
    this.events = AvroSerdes.cloudTrailEvent(serdes).serializer();
  }

  /**
   * A publisher over a new producer. {@code producerConfig} gives at least {@code bootstrap.servers}
   * (and any security settings); acks, idempotence and serializers are fixed here because the
   * at-least-once hand-over of the sources depends on them.
   */
  public static KafkaPublisher create(Map<String, Object> producerConfig, SerdeConfig serdes, TopicNames topics) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "compliance-streams-ingest");
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
    return new KafkaPublisher(new KafkaProducer<>(config), serdes, topics);
  }

  @Override
  public CompletableFuture<Void> snapshot(ResourceSnapshot snapshot) {
    String topic = topics.snapshots();
    return encodeAndSend(topic, SnapshotBuilder.keyOf(snapshot), () -> snapshots.serialize(topic, snapshot), null);
  }

  @Override
  public CompletableFuture<Void> event(CloudTrailEvent event) {
    String topic = topics.cloudTrail();
    return encodeAndSend(topic, Publisher.eventKey(event), () -> events.serialize(topic, event), null);
  }

  @Override
  public CompletableFuture<Void> deadLetter(DeadLetter letter) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(DeadLetter.REASON_HEADER, letter.reason().getBytes(StandardCharsets.UTF_8));
    headers.add(DeadLetter.SOURCE_HEADER, letter.source().getBytes(StandardCharsets.UTF_8));
    if (letter.exceptionClass() != null) {
      headers.add(DeadLetter.EXCEPTION_HEADER, letter.exceptionClass().getBytes(StandardCharsets.UTF_8));
    }
    return encodeAndSend(topics.deadLetterTopic(letter.stream()), letter.key(), letter::value, headers);
  }

  private CompletableFuture<Void> encodeAndSend(
      String topic, String key, java.util.function.Supplier<byte[]> encode, RecordHeaders headers) {
    byte[] value;
    try {
      value = encode.get();
    } catch (RuntimeException e) {
      // An encoding error fails this record only, never the caller's thread.
      return CompletableFuture.failedFuture(e);
    }
    return Acks.send(producer, new ProducerRecord<>(topic, null, key, value, headers));
  }

  /** Sends what is buffered now (e.g. before a replay reports its count). */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
