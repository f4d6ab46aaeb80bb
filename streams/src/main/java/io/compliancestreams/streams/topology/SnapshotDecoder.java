package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.state.StateStores;
import io.compliancestreams.streams.state.StoredResource;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decodes snapshot records and checks what the topology relies on: a key, a readable Avro value,
 * JSON configuration, a resource type some practice reads, and a key equal to the canonical
 * resource key (so the record sits on the partition that owns the resource's state), a size
 * within {@link InputLimits#MAX_DECODED_BYTES} and a capture time that is not in the future.
 * Anything else becomes a failure with its reason; nothing throws. A snapshot that an event's
 * rescan fetched carries that event's id on (see {@link RescanOrigin}).
 *
 * <p>Most snapshots repeat their resource's stored content (a resync re-sends everything), so
 * before any JSON is parsed the decoder fingerprints the content ({@link ContentHash}) and compares
 * it with the stored header of the resource ({@link SnapshotVerdict}, read-only here; the resource
 * processor, next in the same task, writes). An unchanged or older snapshot leaves as a
 * {@link Change#touch touch}: its configuration is never parsed, and it does not cross the account
 * repartition. Types only account/region practices read have no resource state; they are always
 * parsed and the scope processor compares them.
 */
final class SnapshotDecoder extends RecordDecoder<Change> {

  private final Deserializer<ResourceSnapshot> deserializer;
  private final PracticeIndex practices;
  private final ContentHash contentHash = new ContentHash();
  private KeyValueStore<String, StoredResource> states;

  SnapshotDecoder(Deserializer<ResourceSnapshot> deserializer, PracticeIndex practices) {
    this.deserializer = deserializer;
    this.practices = practices;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Decoded<Change>> context) {
    super.init(context);
    states = context.getStateStore(StateStores.RESOURCE_STATE);
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
    ResourceSnapshot snapshot;
    String key;
    try {
      snapshot = deserializer.deserialize(topic, raw);
      key = new ResourceRef(snapshot.getAccountId(), snapshot.getAwsRegion(),
          snapshot.getResourceType(), snapshot.getResourceId(), snapshot.getArn()).key();
    } catch (RuntimeException e) {
      return Decoded.unreadable(raw, e);
    }
    String type = snapshot.getResourceType();
    if (!practices.known(type)) {
      return Decoded.failed(raw, "unknown resource type " + type + " (no practice reads it)", null);
    }
    if (!key.equals(record.key())) {
      return Decoded.failed(raw, "key '" + record.key() + "' is not the resource's canonical key '"
          + key + "'", null);
    }
    // Reliability suite: a capture time in the future (year 9999) would make every later, real
    // snapshot of the resource look older than the stored one, freezing its findings for good.
    String future = InputLimits.inFuture("captureTime", snapshot.getCaptureTime(),
        Instant.ofEpochMilli(context().currentSystemTimeMs()));
    if (future != null) {
      return Decoded.failed(raw, future, null);
    }
    long hash = contentHash.of(snapshot);
    if (practices.readByResourcePractice(type)) {
      SnapshotVerdict verdict = SnapshotVerdict.of(states.get(key), snapshot.getCaptureTime(),
          snapshot.getConfigurationStateId(), hash, practices.catalogueHash(),
          Instant.ofEpochMilli(record.timestamp()));
      if (verdict != SnapshotVerdict.CHANGED) {
        return Decoded.ok(Change.touch(key, snapshot.getCaptureTime(),
            snapshot.getConfigurationStateId(), hash));
      }
    }
    ConfigurationItem item;
    try {
      item = SnapshotMapper.toItem(snapshot);
    } catch (RuntimeException e) {
      return Decoded.unreadable(raw, e);
    }
    return Decoded.ok(Change.snapshot(item, RescanOrigin.eventId(snapshot.getScanId()), hash));
  }
}
