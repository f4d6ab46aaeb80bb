package io.compliancestreams.streams.topology;

import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Refuses, at serialization, an output value that no topic with Kafka's default
 * {@code max.message.bytes} would accept. The check has to come before the send: under
 * exactly-once, a producer that sees a {@code RecordTooLargeException} marks the whole transaction
 * for abort, so every later answer of a production exception handler comes too late and the task
 * fails on the same record again and again. A refused value instead reaches
 * {@link OversizeRecordHandler#handleSerializationError}, which drops it (dead-lettering what it
 * can) before anything was sent.
 */
final class OutputLimit {

  /**
   * Largest output value: Kafka's default 1 MiB {@code max.message.bytes} (the output, repartition
   * and DLQ-less topics keep it) less 64 KiB for the key, headers and batch overhead.
   */
  static final int MAX_VALUE_BYTES = 1024 * 1024 - 64 * 1024;

  private OutputLimit() {}

  /** {@code serde} whose serializer throws {@link TooLarge} for a value over {@link #MAX_VALUE_BYTES}. */
  static <T> Serde<T> of(Serde<T> serde) {
    return of(serde, MAX_VALUE_BYTES);
  }

  static <T> Serde<T> of(Serde<T> serde, int maxBytes) {
    return Serdes.serdeFrom(new Limited<>(serde.serializer(), maxBytes), serde.deserializer());
  }

  /** Delegates everything, then checks the size. */
  private record Limited<T>(Serializer<T> inner, int maxBytes) implements Serializer<T> {
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
      inner.configure(configs, isKey);
    }

    @Override
    public byte[] serialize(String topic, T value) {
      return checked(topic, inner.serialize(topic, value));
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T value) {
      return checked(topic, inner.serialize(topic, headers, value));
    }

    private byte[] checked(String topic, byte[] bytes) {
      if (bytes != null && bytes.length > maxBytes) {
        throw new TooLarge(topic, bytes, maxBytes);
      }
      return bytes;
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /** An output value over the limit, with its bytes (so that a cut copy can be dead-lettered). */
  static final class TooLarge extends SerializationException {
    private static final long serialVersionUID = 1L;
    private final transient byte[] serialized;

    TooLarge(String topic, byte[] serialized, int maxBytes) {
      super("value for " + topic + " is " + serialized.length + " bytes, over the " + maxBytes
          + "-byte output limit");
      this.serialized = serialized;
    }

    byte[] serialized() {
      return serialized;
    }
  }
}
