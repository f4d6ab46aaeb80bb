package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.Suppression;
import io.compliancestreams.streams.findings.SuppressionRule;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes suppression entries the way {@link SuppressionLoader} reads them: a readable Avro value
 * that maps to a rule (an entry that would match every finding does not). What the loader skips
 * becomes a failure with its reason; nothing throws.
 */
final class SuppressionDecoder extends RecordDecoder<SuppressionRule> {

  private final Deserializer<Suppression> deserializer;

  SuppressionDecoder(Deserializer<Suppression> deserializer) {
    this.deserializer = deserializer;
  }

  @Override
  Decoded<SuppressionRule> decode(FixedKeyRecord<String, byte[]> record) {
    byte[] raw = record.value();
    if (raw == null) {
      return Decoded.ok(null); // a tombstone: it lifts the suppression
    }
    String topic = context().recordMetadata().map(m -> m.topic()).orElse("suppressions");
    try {
      return Decoded.ok(SuppressionMapper.toRule(deserializer.deserialize(topic, raw)));
    } catch (RuntimeException e) {
      return Decoded.unreadable(raw, e);
    }
  }
}
