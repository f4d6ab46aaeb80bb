package io.compliancestreams.streams.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The posture at an instant, rebuilt from a base (a full-posture snapshot, or nothing) and the
 * deltas that follow it (pure).
 *
 * <p>A delta carries the whole finding after the change, so the state of a finding at {@code asOf}
 * is that of its highest-sequence delta evaluated at or before {@code asOf}, or the base's when it
 * has none. A base finding tells how far it is current by its {@code evaluatedAt}: deltas evaluated
 * before it are already in it and are skipped; one evaluated at the same instant may be on either
 * side (evaluation time never goes backwards per resource, but a late record is evaluated at the
 * same instant), and applying it is harmless: if it is in the base it is the base's latest state.
 * CLOSED removes the finding; NOT_APPLICABLE results open no finding and emit no delta, so they are
 * left out of a rebuilt posture (the live posture counts them; the rebuilt one cannot).
 */
public final class PostureReplay {

  /**
   * One delta: the finding after the change, or {@code after == null} for CLOSED. {@code after}'s
   * firstSeenAt and lastChangedAt are filled in by the replay.
   */
  public record Change(String findingId, long sequence, Instant evaluatedAt, FindingView after) {
    public Change {
      Objects.requireNonNull(findingId, "findingId");
      Objects.requireNonNull(evaluatedAt, "evaluatedAt");
    }
  }

  private static final String NOT_APPLICABLE = "NOT_APPLICABLE";

  private PostureReplay() {}

  /**
   * @param base the findings of the snapshot the replay starts from (empty for none), each current
   *     up to its evaluatedAt
   * @param changes deltas in any order; those after {@code asOf} are ignored
   * @return the open findings (PASS, FAIL, ERROR) at {@code asOf}, by finding id
   */
  public static List<FindingView> at(Instant asOf, Collection<FindingView> base, Collection<Change> changes) {
    Map<String, FindingView> state = new TreeMap<>();
    base.forEach(f -> state.put(f.findingId(), f));
    List<Change> ordered = changes.stream()
        .filter(c -> !c.evaluatedAt().isAfter(asOf))
        .sorted(Comparator.comparing(Change::findingId).thenComparingLong(Change::sequence))
        .toList();
    Map<String, Instant> cut = new TreeMap<>();
    base.forEach(f -> cut.put(f.findingId(), f.evaluatedAt()));
    for (Change c : ordered) {
      Instant current = cut.get(c.findingId());
      if (current != null && c.evaluatedAt().isBefore(current)) {
        continue; // already in the base
      }
      FindingView before = state.get(c.findingId());
      if (c.after() == null) {
        state.remove(c.findingId());
        continue;
      }
      // Every delta is a status change: it is the last change; the first sighting survives it.
      Instant firstSeen = before == null ? c.evaluatedAt() : before.firstSeenAt();
      state.put(c.findingId(), with(c.after(), firstSeen, c.evaluatedAt()));
    }
    List<FindingView> open = new ArrayList<>();
    state.values().stream().filter(f -> !NOT_APPLICABLE.equals(f.status())).forEach(open::add);
    return open;
  }

  private static FindingView with(FindingView f, Instant firstSeenAt, Instant lastChangedAt) {
    return new FindingView(f.findingId(), f.practice(), f.controlId(), f.title(), f.severity(), f.status(),
        f.accountId(), f.region(), f.resourceType(), f.resourceId(), f.resourceArn(), f.resourceKey(), f.reason(),
        f.remediation(), f.evaluatedAt(), firstSeenAt, lastChangedAt, f.suppressed(), f.resourceName());
  }
}
