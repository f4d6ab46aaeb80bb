package io.compliancestreams.sinks.ocsf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.sinks.runner.DeliveryException;
import io.compliancestreams.sinks.runner.Destination;
import io.compliancestreams.sinks.runner.SinkRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes each delta as an OCSF Compliance Finding JSON to the OCSF topic (key = finding id,
 * acknowledged before the record counts as delivered) and, when a HEC is configured, buffers the
 * event and posts the buffer in batches on each flush. Offsets are durable only up to the first
 * event not yet accepted by the HEC. After a crash, events may be written again: SIEMs de-duplicate
 * on {@code metadata.uid} (the delta id).
 */
public final class OcsfDestination implements Destination {

  public static final String NAME = "ocsf";

  private final OcsfSettings settings;
  private final OcsfMapper mapper;
  private final Producer<String, String> producer;
  private final HecClient hec;
  private final List<Pending> pending = new ArrayList<>();
  private final Map<TopicPartition, Long> nextOffset = new HashMap<>();

  OcsfDestination(OcsfSettings settings, Producer<String, String> producer, HecClient hec) {
    this.settings = settings;
    this.mapper = new OcsfMapper(settings.vendorName(), settings.productVersion(), settings.version());
    this.producer = producer;
    this.hec = hec;
  }

  public static OcsfDestination create(OcsfSettings settings) {
    Map<String, Object> props = settings.kafka().producer(settings.producerOverrides());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "compliance-sink-ocsf");
    return new OcsfDestination(settings, new KafkaProducer<>(props, new StringSerializer(), new StringSerializer()),
        settings.hec() == null ? null : new HecClient(settings.hec()));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void deliver(SinkRecord record) throws DeliveryException {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    ObjectNode event = mapper.map(record.delta());
    try {
      producer.send(new ProducerRecord<>(settings.topic(), record.delta().getFindingId(), event.toString()))
          .get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.retryable("interrupted writing " + settings.topic(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw DeliveryException.retryable("cannot write " + settings.topic() + ": " + e.getMessage(), e);
    }
    if (hec != null && record.offset() >= nextOffset.getOrDefault(tp, Long.MIN_VALUE)) {
      pending.add(new Pending(tp, record.offset(), hec.envelope(event)));
      nextOffset.put(tp, record.offset() + 1);
    }
  }

  /** Posts the buffered events, a batch at a time; what was accepted leaves the buffer at once. */
  @Override
  public void flush(boolean force) throws DeliveryException {
    if (hec == null) {
      return;
    }
    int batch = settings.hec().maxBatchEvents();
    while (!pending.isEmpty()) {
      List<Pending> chunk = List.copyOf(pending.subList(0, Math.min(batch, pending.size())));
      hec.post(chunk.stream().map(Pending::envelope).toList());
      pending.subList(0, chunk.size()).clear();
    }
  }

  @Override
  public Map<TopicPartition, Long> durableOffsets(Map<TopicPartition, Long> handedOver) {
    Map<TopicPartition, Long> durable = new HashMap<>(handedOver);
    for (Pending p : pending) {
      durable.computeIfPresent(p.tp(), (tp, next) -> Math.min(next, p.offset()));
    }
    return durable;
  }

  @Override
  public void onRevoked(Collection<TopicPartition> partitions) {
    pending.removeIf(p -> partitions.contains(p.tp()));
    partitions.forEach(nextOffset::remove);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  private record Pending(TopicPartition tp, long offset, ObjectNode envelope) {}
}
