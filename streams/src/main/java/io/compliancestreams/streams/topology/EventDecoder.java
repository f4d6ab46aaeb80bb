package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.streams.cloudtrail.TrailEvent;
import io.compliancestreams.streams.cloudtrail.TrailEvents;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes CloudTrail event records: a readable Avro value whose essential fields are present.
 * Anything else becomes a failure with its reason (then the DLQ); nothing throws.
 */
final class EventDecoder extends RecordDecoder<TrailEvent> {

  private final Deserializer<CloudTrailEvent> deserializer;

  EventDecoder(Deserializer<CloudTrailEvent> deserializer) {
    this.deserializer = deserializer;
  }

  @Override
  Decoded<TrailEvent> decode(FixedKeyRecord<String, byte[]> record) {
    byte[] raw = record.value();
    if (raw == null) {
      return Decoded.failed(null, "record has no value", null);
    }
    // Reliability suite: an oversized event would not fit the repartition topic (1 MiB default).
    String tooLarge = InputLimits.tooLarge(raw);
    if (tooLarge != null) {
      return Decoded.failed(raw, tooLarge, null);
    }
    String topic = context().recordMetadata().map(m -> m.topic()).orElse("cloudtrail");
    TrailEvent event;
    try {
      event = TrailEvents.fromAvro(deserializer.deserialize(topic, raw));
    } catch (RuntimeException e) {
      return Decoded.unreadable(raw, e);
    }
    // Reliability suite: a patch dated in the year 9999 would outdate every later snapshot.
    String future = InputLimits.inFuture("eventTime", event.eventTime(),
        Instant.ofEpochMilli(context().currentSystemTimeMs()));
    return future == null ? Decoded.ok(event) : Decoded.failed(raw, future, null);
  }
}
