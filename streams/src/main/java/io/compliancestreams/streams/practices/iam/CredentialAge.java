package io.compliancestreams.streams.practices.iam;

import java.time.Duration;
import java.time.Instant;

/**
 * Age arithmetic shared by the time-driven practices (IAM.3, IAM.8). Ages are exact durations:
 * a credential exceeds 90 days only once more than 90 × 24 hours have passed.
 */
final class CredentialAge {

  private CredentialAge() {}

  static Duration age(Instant since, Instant at) {
    return Duration.between(since, at);
  }

  /** True when more than {@code max} has passed since {@code since}. */
  static boolean exceeds(Instant since, Instant at, Duration max) {
    return age(since, at).compareTo(max) > 0;
  }

  /**
   * The first instant (at millisecond resolution, the resolution of wall-clock punctuation) at
   * which {@link #exceeds} turns true. Re-evaluating exactly at {@code since + max} would still
   * pass and could schedule itself again at the same instant.
   */
  static Instant exceedsFrom(Instant since, Duration max) {
    return since.plus(max).plusMillis(1);
  }

  /** E.g. {@code 120 days}, or {@code 90 days + 00:00:01} when not a whole number of days. */
  static String describe(Duration age) {
    if (age.isNegative()) {
      return "0 days (created after the evaluation instant)";
    }
    long days = age.toDays();
    Duration rest = age.minusDays(days);
    if (rest.toSeconds() == 0) {
      return days + (days == 1 ? " day" : " days");
    }
    return String.format(
        "%d days + %02d:%02d:%02d", days, rest.toHours(), rest.toMinutesPart(), rest.toSecondsPart());
  }
}
