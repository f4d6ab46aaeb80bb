package io.compliancestreams.devkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A bounded wait on a named condition, for the harness's own start-up (tests use Awaitility). */
final class Poll {

  private static final Duration INTERVAL = Duration.ofMillis(50);

  private Poll() {}

  /**
   * Returns once {@code condition} is true; throws naming the condition after {@code timeout}. The
   * condition is checked at least once.
   */
  static void until(String conditionName, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            "Timed out after " + timeout.toMillis() + " ms waiting until " + conditionName);
      }
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting until " + conditionName, e);
      }
    }
  }
}
