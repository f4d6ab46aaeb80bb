package io.compliancestreams.sinks.runner;

import io.compliancestreams.schemas.redact.Redactor;
import java.time.Duration;
import java.util.Optional;

/**
 * A delivery failed. {@code retryable} failures (5xx, 429, timeouts, connection resets) are
 * retried with backoff, honouring {@code retryAfter} when the destination said so; the others
 * (4xx other than 429, a record the destination rejects) go to the sink's dead-letter topic at once.
 * Messages must never contain secrets (webhook URLs, tokens); as a remote body quoted in one may echo
 * our request, every message is passed through {@link Redactor} here.
 */
public final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient Duration retryAfter;

  private DeliveryException(String message, Throwable cause, boolean retryable, Duration retryAfter) {
    super(Redactor.redact(message), cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public static DeliveryException retryable(String message, Throwable cause) {
    return new DeliveryException(message, cause, true, null);
  }

  /** A retryable failure with the wait the destination asked for (e.g. HTTP Retry-After). */
  public static DeliveryException retryAfter(String message, Duration wait) {
    return new DeliveryException(message, null, true, wait);
  }

  public static DeliveryException permanent(String message, Throwable cause) {
    return new DeliveryException(message, cause, false, null);
  }

  public boolean retryable() {
    return retryable;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
