package io.compliancestreams.streams.topology;

import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Decodes raw input records and forwards every result. A failure leaves with its dead-letter
 * headers already set and its bytes cut to a size the DLQ accepts, so the DLQ branch
 * ({@link DeadLetters#route}) only has to copy them: past this processor the source topic,
 * partition and offset are no longer known.
 */
abstract class RecordDecoder<T> extends ContextualFixedKeyProcessor<String, byte[], Decoded<T>> {

  @Override
  public final void process(FixedKeyRecord<String, byte[]> record) {
    Decoded<T> decoded = decode(record);
    if (decoded.failed()) {
      DeadLetters.describe(record.headers(), decoded, context().recordMetadata());
      decoded = decoded.withRaw(DeadLetters.fit(record.key(), decoded.raw(), record.headers()));
    }
    context().forward(record.withValue(decoded));
  }

  /** The value, or why the record cannot be used; never throws. */
  abstract Decoded<T> decode(FixedKeyRecord<String, byte[]> record);
}
