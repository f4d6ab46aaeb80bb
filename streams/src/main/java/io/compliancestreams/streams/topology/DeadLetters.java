package io.compliancestreams.streams.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** The headers a dead-letter record carries (documented in schemas/README.md). */
final class DeadLetters {

  static final String REASON = "dlq.reason";
  static final String TOPIC = "dlq.source.topic";
  static final String PARTITION = "dlq.source.partition";
  static final String OFFSET = "dlq.source.offset";
  static final String EXCEPTION = "dlq.exception.class";

  private DeadLetters() {}

  static void describe(Headers headers, Decoded<?> failure, Optional<RecordMetadata> source) {
    put(headers, REASON, failure.reason());
    source.ifPresent(m -> {
      put(headers, TOPIC, m.topic());
      put(headers, PARTITION, Integer.toString(m.partition()));
      put(headers, OFFSET, Long.toString(m.offset()));
    });
    if (failure.exceptionClass() != null) {
      put(headers, EXCEPTION, failure.exceptionClass());
    }
  }

  private static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
