package io.compliancestreams.sinks.runner;

import java.time.Duration;
import java.util.Objects;

/**
 * How the runner retries a failed delivery: exponential backoff with full jitter (a random wait
 * between zero and {@code min(maxBackoff, initialBackoff * multiplier^(attempt-1))}), unless the
 * destination asked for a specific wait (Retry-After). After {@code maxAttempts} attempts the
 * record goes to the sink's dead-letter topic.
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

  /**
   * 12 attempts, 0.5 s doubling to a 30 s cap: about 1.5 minutes of retries on average (3 at
   * most) before a delta is dead-lettered, so a destination outage of a minute or two is ridden
   * out, while one record never holds its partition past the consumer's 5-minute poll interval.
   */
  public static final RetrySettings DEFAULT =
      new RetrySettings(12, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0);

  public RetrySettings {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
    if (multiplier < 1.0) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
  }
}
