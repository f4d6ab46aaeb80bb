package io.compliancestreams.streams.query;

import io.compliancestreams.streams.practices.PracticeMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Time to remediate per practice (median and 90th percentile of how long the failures lasted that
 * ended within the finding history's retention) and the oldest open failures, merged from every
 * instance's share (pure). Percentiles are nearest-rank: the smallest duration with at least that
 * share of the durations at or below it, so each figure is a duration that really occurred.
 */
public record RemediationReport(List<PracticeTimes> practices, List<LocalRemediation.OpenFailure> oldestOpen) {

  /** How many open failures the report lists. */
  public static final int OLDEST_OPEN = 20;

  /** Time to remediate of one practice: how many failures ended, their median and p90 duration. */
  public record PracticeTimes(int practice, String controlId, String title, String severity, int remediated,
      long medianSeconds, long p90Seconds) {}

  public static RemediationReport of(Collection<LocalRemediation> parts, Map<Integer, PracticeMetadata> metadata) {
    Map<Integer, List<Long>> durations = new TreeMap<>();
    List<LocalRemediation.OpenFailure> open = new ArrayList<>();
    for (LocalRemediation part : parts) {
      part.remediatedMillis().forEach((practice, millis) ->
          durations.computeIfAbsent(practice, k -> new ArrayList<>()).addAll(millis));
      open.addAll(part.oldestOpen());
    }
    List<PracticeTimes> practices = new ArrayList<>();
    durations.forEach((practice, millis) -> {
      PracticeMetadata m = metadata.get(practice);
      if (m == null || millis.isEmpty()) {
        return;
      }
      List<Long> sorted = millis.stream().sorted().toList();
      practices.add(new PracticeTimes(practice, m.controlId(), m.title(), m.severity().name(), sorted.size(),
          seconds(nearestRank(sorted, 50)), seconds(nearestRank(sorted, 90))));
    });
    return new RemediationReport(practices, oldest(open));
  }

  /** The {@link #OLDEST_OPEN} open failures that began first (ties by finding id). */
  public static List<LocalRemediation.OpenFailure> oldest(Collection<LocalRemediation.OpenFailure> open) {
    return open.stream()
        .sorted(Comparator.comparing(LocalRemediation.OpenFailure::failingSince)
            .thenComparing(LocalRemediation.OpenFailure::findingId))
        .limit(OLDEST_OPEN)
        .toList();
  }

  /** The nearest-rank percentile of sorted values: the value at rank ceil(p/100 × n). */
  static long nearestRank(List<Long> sorted, int percentile) {
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }

  private static long seconds(long millis) {
    return Duration.ofMillis(millis).toSeconds();
  }
}
