package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.practices.ConfigurationItem;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Which of two snapshots of one resource is newer: capture time first, then AWS Config's
 * configurationStateId (numeric when both are numbers). A snapshot older than the stored one is
 * ignored, so a reordered or replayed snapshot can never roll the state back.
 */
final class Ordering {

  private Ordering() {}

  static boolean isOlder(ConfigurationItem candidate, ConfigurationItem stored) {
    return isOlder(candidate.captureTime(), candidate.configurationStateId(),
        stored.captureTime(), stored.configurationStateId());
  }

  static boolean isOlder(Instant candidateTime, String candidateStateId, Instant storedTime,
      String storedStateId) {
    Instant a = candidateTime == null ? Instant.EPOCH : candidateTime;
    Instant b = storedTime == null ? Instant.EPOCH : storedTime;
    if (!a.equals(b)) {
      return a.isBefore(b);
    }
    return compareStateIds(candidateStateId, storedStateId) < 0;
  }

  private static int compareStateIds(String a, String b) {
    if (a == null || b == null) {
      return 0;
    }
    if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)
        && !a.isEmpty() && !b.isEmpty()) {
      return new BigInteger(a).compareTo(new BigInteger(b));
    }
    return a.compareTo(b);
  }
}
