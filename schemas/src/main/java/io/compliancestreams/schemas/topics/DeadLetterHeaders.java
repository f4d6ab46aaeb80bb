package io.compliancestreams.schemas.topics;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers of a dead-letter record, whoever writes it (ingest, the topology, a sink), as
 * schemas/README.md documents them, and a reader that also understands the names ingest wrote
 * before they were aligned ({@link #LEGACY_EXCEPTION}, {@link #LEGACY_SOURCE}): records already in
 * a DLQ keep the headers they were written with until the topic's retention removes them.
 */
public final class DeadLetterHeaders {

  /** Every dead-letter header starts with this. */
  public static final String PREFIX = "dlq.";
  /** Why the record could not be used; redacted of configured secrets. */
  public static final String REASON = "dlq.reason";
  /** The class name of the failure, when there was one. */
  public static final String EXCEPTION_CLASS = "dlq.exception.class";
  /** Kafka coordinates of the record that failed, when it came from a topic. */
  public static final String SOURCE_TOPIC = "dlq.source.topic";
  public static final String SOURCE_PARTITION = "dlq.source.partition";
  public static final String SOURCE_OFFSET = "dlq.source.offset";
  /**
   * Where input that never was a Kafka record came from (ingest): a queue URL and message id,
   * {@code s3://bucket/key}, or {@code file:line}.
   */
  public static final String SOURCE_LOCATION = "dlq.source.location";
  /** How many delivery attempts a sink made. */
  public static final String ATTEMPTS = "dlq.attempts";
  /** "true" when the dead letter is not the whole input record. */
  public static final String TRUNCATED = "dlq.truncated";
  /** The size in bytes of a value that was cut. */
  public static final String ORIGINAL_SIZE = "dlq.original.size";
  /** The length in characters of a key that was cut. */
  public static final String ORIGINAL_KEY_LENGTH = "dlq.original.key.length";
  /** How many of the input's own headers were dropped because together they were too large. */
  public static final String HEADERS_DROPPED = "dlq.headers.dropped";
  /** The topic an output too large to write was meant for. */
  public static final String OUTPUT_TOPIC = "dlq.output.topic";

  /** What ingest wrote instead of {@link #EXCEPTION_CLASS} before the names were aligned. */
  public static final String LEGACY_EXCEPTION = "dlq.exception";
  /** What ingest wrote instead of {@link #SOURCE_LOCATION} before the names were aligned. */
  public static final String LEGACY_SOURCE = "dlq.source";

  private DeadLetterHeaders() {}

  /** The failure's class name, under its current name or the legacy one. */
  public static Optional<String> exceptionClass(Headers headers) {
    return first(headers, EXCEPTION_CLASS, LEGACY_EXCEPTION);
  }

  /** Where non-Kafka input came from, under its current name or the legacy one. */
  public static Optional<String> sourceLocation(Headers headers) {
    return first(headers, SOURCE_LOCATION, LEGACY_SOURCE);
  }

  /** The reason, if the record has one. */
  public static Optional<String> reason(Headers headers) {
    return first(headers, REASON);
  }

  private static Optional<String> first(Headers headers, String... names) {
    for (String name : names) {
      Header header = headers.lastHeader(name);
      if (header != null && header.value() != null) {
        return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }
}
