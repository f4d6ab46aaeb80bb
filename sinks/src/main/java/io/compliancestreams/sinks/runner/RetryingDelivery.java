package io.compliancestreams.sinks.runner;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one record (or a flush) to a destination, retrying retryable failures with the
 * destination's Retry-After or else the jittered {@link Backoff}, and decides how it ends:
 * delivered, to be dead-lettered (a permanent failure, the attempts used up, or the destination
 * throwing), or stopped (the runner is closing, so the record stays uncommitted and comes again).
 *
 * <p>It does not write the dead letter itself: the caller holds the original bytes.
 */
final class RetryingDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(RetryingDelivery.class);

  private final Destination destination;
  private final int maxAttempts;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final SinkMetrics metrics;
  private final Clock clock;
  private final BooleanSupplier stopRequested;

  RetryingDelivery(Destination destination, RetrySettings retry, Backoff backoff, Sleeper sleeper,
      SinkMetrics metrics, Clock clock, BooleanSupplier stopRequested) {
    this.destination = destination;
    this.maxAttempts = retry.maxAttempts();
    this.backoff = backoff;
    this.sleeper = sleeper;
    this.metrics = metrics;
    this.clock = clock;
    this.stopRequested = stopRequested;
  }

  /** How a delivery ended; {@code reason} and {@code exceptionClass} are set for a dead letter only. */
  record Outcome(Kind kind, int attempts, String reason, String exceptionClass) {

    enum Kind { DELIVERED, DEAD_LETTER, STOPPED }

    static Outcome delivered(int attempts) {
      return new Outcome(Kind.DELIVERED, attempts, null, null);
    }

    static Outcome deadLetter(int attempts, String reason, String exceptionClass) {
      return new Outcome(Kind.DEAD_LETTER, attempts, reason, exceptionClass);
    }

    static Outcome stopped(int attempts) {
      return new Outcome(Kind.STOPPED, attempts, null, null);
    }
  }

  Outcome deliver(SinkRecord record) {
    for (int attempt = 1; ; attempt++) {
      try {
        destination.deliver(record);
        metrics.delivered.increment();
        metrics.latency(Duration.between(record.delta().getEvaluatedAt(), clock.instant()));
        return Outcome.delivered(attempt);
      } catch (DeliveryException e) {
        metrics.failed.increment();
        if (!e.retryable() || attempt >= maxAttempts) {
          LOG.warn("sink {}: giving up on {} after {} attempt(s): {}", destination.name(), where(record), attempt,
              e.getMessage());
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          return Outcome.deadLetter(attempt, e.getMessage(), cause.getClass().getName());
        }
        if (!waitBeforeRetry(e, attempt)) {
          return Outcome.stopped(attempt);
        }
      } catch (RuntimeException e) {
        // A bug or an unexpected client error in the destination: the record cannot be delivered as is.
        metrics.failed.increment();
        LOG.warn("sink {}: destination threw on {}", destination.name(), where(record), e);
        return Outcome.deadLetter(attempt, String.valueOf(e.getMessage()), e.getClass().getName());
      }
    }
  }

  /**
   * Flushes, retrying until it works: there is no record to dead-letter, so a destination that is
   * down holds back its own group. False when a stop cut the retries short.
   */
  boolean flush() {
    for (int attempt = 1; ; attempt++) {
      try {
        destination.flush(false);
        return true;
      } catch (DeliveryException e) {
        metrics.failed.increment();
        LOG.warn("sink {}: flush attempt {} failed: {}", destination.name(), attempt, e.getMessage());
        if (!waitBeforeRetry(e, attempt)) {
          return false;
        }
      }
    }
  }

  /** False when the runner is stopping, before or during the wait; an interrupt counts as a stop. */
  private boolean waitBeforeRetry(DeliveryException e, int attempt) {
    if (stopRequested.getAsBoolean()) {
      return false;
    }
    metrics.retried.increment();
    Duration wait = e.retryAfter().orElseGet(() -> backoff.delay(attempt));
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !stopRequested.getAsBoolean();
  }

  private static String where(SinkRecord record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}
