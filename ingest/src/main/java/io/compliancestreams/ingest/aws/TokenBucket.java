package io.compliancestreams.ingest.aws;

/**
 * A token bucket that hands out reservations: each call takes a token now and learns how long it
 * must wait for it. Tokens may go negative (callers queue), so waits grow fairly with demand.
 * Pure (time comes in as an argument) and not thread-safe: {@link CallBudget} synchronises.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final double ratePerSecond;
  private final double capacity;
  private double tokens;
  private long lastNanos;

  /** A full bucket of {@code ratePerSecond} tokens (one second of burst), refilled at that rate. */
  TokenBucket(double ratePerSecond, long nowNanos) {
    if (ratePerSecond <= 0) {
      throw new IllegalArgumentException("ratePerSecond must be positive: " + ratePerSecond);
    }
    this.ratePerSecond = ratePerSecond;
    this.capacity = Math.max(1d, ratePerSecond);
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  /** Takes one token and returns how many nanoseconds the caller must wait before using it. */
  long reserve(long nowNanos) {
    if (nowNanos > lastNanos) {
      tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) / NANOS_PER_SECOND * ratePerSecond);
      lastNanos = nowNanos;
    }
    tokens -= 1;
    return tokens >= 0 ? 0L : (long) Math.ceil(-tokens / ratePerSecond * NANOS_PER_SECOND);
  }
}
