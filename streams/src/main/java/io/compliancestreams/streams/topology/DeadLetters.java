package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Dead-letter records: the headers they carry (documented in schemas/README.md) and the branch
 * that writes them to an input's DLQ.
 */
final class DeadLetters {

  static final String REASON = "dlq.reason";
  static final String TOPIC = "dlq.source.topic";
  static final String PARTITION = "dlq.source.partition";
  static final String OFFSET = "dlq.source.offset";
  static final String EXCEPTION = "dlq.exception.class";

  private DeadLetters() {}

  static void describe(Headers headers, Decoded<?> failure, Optional<RecordMetadata> source) {
    put(headers, REASON, Redactor.redact(failure.reason()));
    source.ifPresent(m -> {
      put(headers, TOPIC, m.topic());
      put(headers, PARTITION, Integer.toString(m.partition()));
      put(headers, OFFSET, Long.toString(m.offset()));
    });
    if (failure.exceptionClass() != null) {
      put(headers, EXCEPTION, failure.exceptionClass());
    }
  }

  /**
   * Sends the failures among {@code decoded} (read from {@code topic}) to {@code topic}'s DLQ with
   * their original key and bytes; the headers were set by the decoder. {@code name} prefixes the
   * processor names.
   */
  static <T> void route(KStream<String, Decoded<T>> decoded, String topic, String name) {
    decoded.filter((k, v) -> v.failed(), Named.as(name + "-failed"))
        .mapValues(Decoded::raw, Named.as(name + "-raw"))
        .to(Topics.dlq(topic), Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-dlq"));
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
