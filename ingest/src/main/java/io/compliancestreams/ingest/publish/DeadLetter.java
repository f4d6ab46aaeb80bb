package io.compliancestreams.ingest.publish;

import io.compliancestreams.schemas.topics.DeadLetterHeaders;
import io.compliancestreams.schemas.redact.Redactor;
import java.util.Objects;

/**
 * Input that could not become a record: its bytes unchanged, why, and where it came from, so an
 * operator can find and replay it.
 *
 * @param stream which topic's dead-letter queue it belongs to
 * @param key the Kafka key to use, or null when none could be derived
 * @param value the original bytes (an SQS body, one record's JSON, an S3 object)
 * @param reason the mapper's or parser's message, naming the field when one is at fault (redacted of
 *     secrets here, so no writer of the header can forget it)
 * @param source where it came from: a queue URL and message id, {@code s3://bucket/key}, {@code file:line}
 * @param exceptionClass the failure's class name, or null
 */
public record DeadLetter(
    Stream stream, String key, byte[] value, String reason, String source, String exceptionClass) {

  /**
   * Header names on a dead-letter record: the contract's, shared with the topology and the sinks.
   * Ingest wrote {@code dlq.source} and {@code dlq.exception} before they were aligned; see
   * {@link DeadLetterHeaders} for reading both.
   */
  public static final String REASON_HEADER = DeadLetterHeaders.REASON;
  public static final String SOURCE_HEADER = DeadLetterHeaders.SOURCE_LOCATION;
  public static final String EXCEPTION_HEADER = DeadLetterHeaders.EXCEPTION_CLASS;

  public DeadLetter {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(source, "source");
    reason = Redactor.redact(reason);
  }

  /** A dead letter for a failure, keyless. */
  public static DeadLetter of(Stream stream, byte[] value, String source, Exception failure) {
    String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return new DeadLetter(stream, null, value, reason, source, failure.getClass().getName());
  }

  /** The input streams that have a dead-letter topic here. */
  public enum Stream { SNAPSHOTS, CLOUDTRAIL }
}
