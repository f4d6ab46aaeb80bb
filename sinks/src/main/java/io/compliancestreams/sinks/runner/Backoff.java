package io.compliancestreams.sinks.runner;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * many sinks failing at once against one API spread out instead of retrying in lockstep. Public
 * because the S3 sink's posture snapshot job retries with the same policy outside the runner.
 */
public final class Backoff {

  private final RetrySettings settings;
  private final DoubleSupplier random;

  public Backoff(RetrySettings settings, DoubleSupplier random) {
    this.settings = settings;
    this.random = random;
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration delay(int attempt) {
    return Duration.ofMillis((long) (random.getAsDouble() * ceilingMillis(attempt)));
  }

  /** The upper bound of the jittered wait after attempt {@code attempt}. */
  long ceilingMillis(int attempt) {
    double ceiling = settings.initialBackoff().toMillis() * Math.pow(settings.multiplier(), attempt - 1);
    return (long) Math.min(settings.maxBackoff().toMillis(), ceiling);
  }
}
