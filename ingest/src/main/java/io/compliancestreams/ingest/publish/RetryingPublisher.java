package io.compliancestreams.ingest.publish;

import io.compliancestreams.schemas.avro.CloudTrailEvent;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A publisher that sends a record again when its send failed, after a pause that doubles each
 * time, up to a bounded number of attempts; then the record's future fails with the last error. For
 * the full scan, whose snapshots have no queue to fall back on: a schema registry or broker away
 * for a few seconds must not cost a scan's worth of snapshots.
 *
 * <p>Kafka errors that say the record can never be written (a record too large, an authorization
 * failure: a non-retriable {@link ApiException}) fail at once. Everything else is tried again: an
 * encoding failure (the registry answered an error) or a retriable Kafka error the producer
 * already gave up on after its {@code delivery.timeout.ms}.
 */
public final class RetryingPublisher implements Publisher {

  /** Three attempts, 1 s then 2 s apart: a registry restart is ridden out, a scan is not held long. */
  public static final int DEFAULT_ATTEMPTS = 3;

  public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofSeconds(1);

  private final Publisher delegate;
  private final int attempts;
  private final Duration firstBackoff;

  public RetryingPublisher(Publisher delegate, int attempts, Duration firstBackoff) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    if (firstBackoff.isNegative()) {
      throw new IllegalArgumentException("firstBackoff must not be negative, got " + firstBackoff);
    }
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
  }

  /** {@link #DEFAULT_ATTEMPTS} attempts, {@link #DEFAULT_FIRST_BACKOFF} doubling. */
  public static RetryingPublisher around(Publisher delegate) {
    return new RetryingPublisher(delegate, DEFAULT_ATTEMPTS, DEFAULT_FIRST_BACKOFF);
  }

  @Override
  public CompletableFuture<Void> snapshot(ResourceSnapshot snapshot) {
    return attempt(() -> delegate.snapshot(snapshot), 1);
  }

  @Override
  public CompletableFuture<Void> event(CloudTrailEvent event) {
    return attempt(() -> delegate.event(event), 1);
  }

  @Override
  public CompletableFuture<Void> deadLetter(DeadLetter letter) {
    return attempt(() -> delegate.deadLetter(letter), 1);
  }

  private CompletableFuture<Void> attempt(Supplier<CompletableFuture<Void>> send, int attempt) {
    CompletableFuture<Void> sent;
    try {
      sent = send.get();
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.handle((ok, error) -> {
      if (error == null) {
        return CompletableFuture.<Void>completedFuture(null);
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (attempt >= attempts || !worthRetrying(cause)) {
        return CompletableFuture.<Void>failedFuture(cause);
      }
      return CompletableFuture.supplyAsync(() -> attempt(send, attempt + 1), after(backoff(attempt)))
          .thenCompose(next -> next);
    }).thenCompose(next -> next);
  }

  private Duration backoff(int attempt) {
    return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
  }

  private static Executor after(Duration delay) {
    return CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  static boolean worthRetrying(Throwable error) {
    return !(error instanceof ApiException) || error instanceof RetriableException;
  }
}
