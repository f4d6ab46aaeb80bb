package io.compliancestreams.sinks.runner;

import io.compliancestreams.schemas.avro.FindingDelta;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the runner does with one consumed record: a tombstone is done at once, an undecodable value
 * goes to the DLQ, a delta the filter rejects is skipped, and the rest is delivered with retries,
 * dead-lettered when the delivery gives up. Bad input never stops the sink.
 */
final class RecordHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RecordHandler.class);

  private final String sink;
  private final Deserializer<FindingDelta> deltas;
  private final DeltaFilter filter;
  private final RetryingDelivery delivery;
  private final DeadLetters deadLetters;
  private final SinkMetrics metrics;

  RecordHandler(String sink, Deserializer<FindingDelta> deltas, DeltaFilter filter, RetryingDelivery delivery,
      DeadLetters deadLetters, SinkMetrics metrics) {
    this.sink = sink;
    this.deltas = deltas;
    this.filter = filter;
    this.delivery = delivery;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /** True when the record is done with (delivered, skipped or dead-lettered); false when a stop cut it short. */
  boolean handle(ConsumerRecord<byte[], byte[]> raw) {
    if (raw.value() == null) {
      // A tombstone carries no delta: nothing to deliver, nothing to keep.
      return true;
    }
    FindingDelta delta;
    try {
      delta = deltas.deserialize(raw.topic(), raw.headers(), raw.value());
    } catch (RuntimeException e) {
      LOG.warn("sink {}: undecodable record {}-{}@{}: {}", sink, raw.topic(), raw.partition(), raw.offset(),
          e.getMessage());
      deadLetter(raw, e.getMessage(), 0, e.getClass().getName());
      return true;
    }
    if (!filter.accept(delta)) {
      metrics.skipped.increment();
      return true;
    }
    String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
    RetryingDelivery.Outcome outcome =
        delivery.deliver(new SinkRecord(raw.topic(), raw.partition(), raw.offset(), key, delta));
    switch (outcome.kind()) {
      case DELIVERED:
        return true;
      case DEAD_LETTER:
        deadLetter(raw, outcome.reason(), outcome.attempts(), outcome.exceptionClass());
        return true;
      default:
        return false;
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> raw, String reason, int attempts, String exceptionClass) {
    deadLetters.send(raw, reason, attempts, exceptionClass);
    metrics.deadLettered.increment();
  }
}
