package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.topics.DeadLetterHeaders;
import io.compliancestreams.schemas.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Dead-letter records: the headers they carry (documented in schemas/README.md) and the branch
 * that writes them to an input's DLQ.
 */
final class DeadLetters {

  private DeadLetters() {}

  static void describe(Headers headers, Decoded<?> failure, Optional<RecordMetadata> source) {
    put(headers, DeadLetterHeaders.REASON, Redactor.redact(failure.reason()));
    source.ifPresent(m -> {
      put(headers, DeadLetterHeaders.SOURCE_TOPIC, m.topic());
      put(headers, DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(m.partition()));
      put(headers, DeadLetterHeaders.SOURCE_OFFSET, Long.toString(m.offset()));
    });
    if (failure.exceptionClass() != null) {
      put(headers, DeadLetterHeaders.EXCEPTION_CLASS, failure.exceptionClass());
    }
  }

  /**
   * The dead letter's value: {@code raw}, cut to a size every DLQ accepts if need be; the key and
   * the input's own headers are checked too. The headers say what was cut.
   */
  static byte[] fit(String key, byte[] raw, Headers headers) {
    DeadLetterSize.inputHeaders(headers);
    DeadLetterSize.describeKey(key, headers);
    return DeadLetterSize.value(raw, headers);
  }

  /**
   * Sends the failures among {@code decoded} (read from {@code topic}) to {@code topic}'s DLQ with
   * their original key and bytes (cut by {@link #fit} when too large); the headers were set by the
   * decoder. {@code name} prefixes the
   * processor names.
   */
  static <T> void route(KStream<String, Decoded<T>> decoded, String topic, String name) {
    decoded.filter((k, v) -> v.failed(), Named.as(name + "-failed"))
        .map((k, v) -> KeyValue.pair(DeadLetterSize.key(k), v.raw()), Named.as(name + "-raw"))
        .to(Topics.dlq(topic), Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-dlq"));
  }

  static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
