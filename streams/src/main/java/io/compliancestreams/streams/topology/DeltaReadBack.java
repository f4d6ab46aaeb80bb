package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.FindingDelta;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the topology's own deltas back for the history and the trend, once for both: a tombstone
 * is nothing, and an unreadable record (the topology wrote valid ones; this one is someone else's)
 * is skipped with a WARN rather than dead-lettered — the sinks' DLQs own bad delta records.
 */
final class DeltaReadBack extends ContextualProcessor<String, byte[], String, FindingDelta> {

  private static final Logger LOG = LoggerFactory.getLogger(DeltaReadBack.class);

  private final Deserializer<FindingDelta> deltas;

  DeltaReadBack(Deserializer<FindingDelta> deltas) {
    this.deltas = deltas;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.value() == null) {
      return;
    }
    FindingDelta delta;
    try {
      delta = deltas.deserialize(context().recordMetadata().map(m -> m.topic()).orElse(""), record.headers(),
          record.value());
    } catch (RuntimeException e) {
      LOG.warn("finding history and trend: skipped an unreadable delta record of key {}: {}", record.key(),
          e.getMessage());
      return;
    }
    context().forward(record.withValue(delta));
  }
}
