package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.ConfigurationItem;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes snapshot records and checks what the topology relies on: a key, a readable Avro value,
 * JSON configuration, a resource type some practice reads, and a key equal to the canonical
 * resource key (so the record sits on the partition that owns the resource's state), a size
 * within {@link InputLimits#MAX_DECODED_BYTES} and a capture time that is not in the future.
 * Anything else becomes a failure with its reason; nothing throws. A snapshot that an event's
 * rescan fetched carries that event's id on (see {@link RescanOrigin}).
 */
final class SnapshotDecoder extends RecordDecoder<Change> {

  private final Deserializer<ResourceSnapshot> deserializer;
  private final PracticeIndex practices;

  SnapshotDecoder(Deserializer<ResourceSnapshot> deserializer, PracticeIndex practices) {
    this.deserializer = deserializer;
    this.practices = practices;
  }

  @Override
  Decoded<Change> decode(FixedKeyRecord<String, byte[]> record) {
    byte[] raw = record.value();
    if (record.key() == null || record.key().isBlank()) {
      return Decoded.failed(raw, "record has no key (expected the canonical resource key)", null);
    }
    if (raw == null) {
      return Decoded.failed(null, "record has no value (snapshots are never tombstones; "
          + "send a ResourceDeleted snapshot instead)", null);
    }
    // Reliability suite: an oversized record would be evaluated, but its state would not fit the
    // changelog (Kafka's 1 MiB default) and the stream thread would fail on it again and again.
    String tooLarge = InputLimits.tooLarge(raw);
    if (tooLarge != null) {
      return Decoded.failed(raw, tooLarge, null);
    }
    String topic = context().recordMetadata().map(m -> m.topic()).orElse("snapshots");
    ConfigurationItem item;
    String scanId;
    try {
      ResourceSnapshot snapshot = deserializer.deserialize(topic, raw);
      item = SnapshotMapper.toItem(snapshot);
      scanId = snapshot.getScanId();
    } catch (RuntimeException e) {
      return Decoded.unreadable(raw, e);
    }
    if (!practices.known(item.resourceType())) {
      return Decoded.failed(raw, "unknown resource type " + item.resourceType()
          + " (no practice reads it)", null);
    }
    if (!item.key().equals(record.key())) {
      return Decoded.failed(raw, "key '" + record.key() + "' is not the resource's canonical key '"
          + item.key() + "'", null);
    }
    // Reliability suite: a capture time in the future (year 9999) would make every later, real
    // snapshot of the resource look older than the stored one, freezing its findings for good.
    String future = InputLimits.inFuture("captureTime", item.captureTime(),
        Instant.ofEpochMilli(context().currentSystemTimeMs()));
    if (future != null) {
      return Decoded.failed(raw, future, null);
    }
    return Decoded.ok(Change.snapshot(item, RescanOrigin.eventId(scanId)));
  }
}
