package io.compliancestreams.streams.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One instance's share of the remediation figures: how long each failure lasted that a delta in its
 * partitions of the finding history ended (practice → milliseconds), and its oldest open failures.
 */
public record LocalRemediation(Map<Integer, List<Long>> remediatedMillis, List<OpenFailure> oldestOpen) {

  public LocalRemediation {
    remediatedMillis = new TreeMap<>(remediatedMillis);
    oldestOpen = List.copyOf(oldestOpen);
  }

  /** A finding failing now (FAIL, not suppressed) and since when. */
  public record OpenFailure(String findingId, int practice, String controlId, String severity, String resourceKey,
      String resourceName, String resourceId, Instant failingSince, long failingSeconds) {}
}
