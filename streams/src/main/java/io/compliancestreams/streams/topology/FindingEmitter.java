package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.findings.Delta;
import io.compliancestreams.streams.findings.DiffResult;
import io.compliancestreams.streams.findings.FindingDiff;
import io.compliancestreams.streams.findings.StoredFinding;
import io.compliancestreams.streams.findings.Trigger;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns one re-evaluation into outputs: calls the pure diff, maps its deltas and the changed
 * findings to the output contracts (with the suppression flag), and works out the next time-based
 * re-evaluation.
 */
final class FindingEmitter {

  /** The outcome of one re-evaluation. */
  record Emission(List<Output> outputs, List<StoredFinding> findings, Instant recheckAt) {}

  private final Function<Integer, PracticeMetadata> metadata;
  private final Suppressions suppressions;

  FindingEmitter(Function<Integer, PracticeMetadata> metadata, Suppressions suppressions) {
    this.metadata = metadata;
    this.suppressions = suppressions;
  }

  Emission emit(
      Collection<StoredFinding> previous,
      List<Evaluation> current,
      Instant at,
      Trigger trigger,
      String closedReason,
      Function<ResourceRef, String> names) {
    DiffResult diff = FindingDiff.diff(previous, current, at, trigger, closedReason);
    List<Output> outputs = new ArrayList<>();
    for (Delta d : diff.deltas()) {
      boolean muted = suppressions.suppressed(d.findingId(), d.practice(), d.resource(), at);
      outputs.add(new Output.DeltaOut(FindingRecords.toDelta(d, metadata.apply(d.practice()), muted,
          names.apply(d.resource()))));
    }
    Map<String, StoredFinding> before = previous.stream()
        .collect(Collectors.toMap(StoredFinding::findingId, f -> f, (a, b) -> b));
    for (StoredFinding f : diff.findings().values()) {
      StoredFinding old = before.get(f.findingId());
      if (old == null || changed(old, f)) {
        boolean muted = suppressions.suppressed(f.findingId(), f.practice(), f.resource(), at);
        outputs.add(new Output.StateOut(f.findingId(),
            FindingRecords.toFinding(f, metadata.apply(f.practice()), muted)));
      }
    }
    for (StoredFinding old : previous) {
      if (!diff.findings().containsKey(old.findingId())) {
        outputs.add(new Output.StateOut(old.findingId(), null));
      }
    }
    List<StoredFinding> findings = diff.findings().values().stream()
        .sorted(Comparator.comparing(StoredFinding::findingId)).toList();
    Instant recheck = findings.stream().map(StoredFinding::recheckAt).filter(Objects::nonNull)
        .min(Comparator.naturalOrder()).orElse(null);
    return new Emission(outputs, findings, recheck);
  }

  /** An un-muted re-emission and the finding with its sequence advanced. */
  record Unmuted(Output delta, StoredFinding finding) {}

  /**
   * Re-emits a finding's current status, unmuted, after its suppression expired: a CHANGED delta
   * whose previous and new status are equal and whose trigger is SUPPRESSION.
   */
  Unmuted unmute(StoredFinding f, Instant at, Function<ResourceRef, String> names) {
    StoredFinding next = new StoredFinding(f.findingId(), f.practice(), f.resource(), f.status(),
        f.reason(), f.evaluatedAt(), f.firstSeenAt(), f.lastChangedAt(), f.sequence() + 1,
        f.recheckAt(), f.failingSince());
    Delta d = new Delta(next.findingId(), next.sequence(), f.practice(), f.resource(), f.status(),
        f.status(), io.compliancestreams.streams.findings.ChangeKind.CHANGED,
        "suppression expired; current status " + f.status() + ": " + f.reason(), at,
        Trigger.suppression());
    boolean muted = suppressions.suppressed(f.findingId(), f.practice(), f.resource(), at);
    return new Unmuted(
        new Output.DeltaOut(FindingRecords.toDelta(d, metadata.apply(f.practice()), muted,
            names.apply(f.resource()))), next);
  }

  /**
   * Un-mutes the findings that one of the {@code expired} rules muted at {@code mutedAt}: each gets
   * a re-emission (sent to {@code out}) and its sequence advanced. Returns the updated list, or
   * null when nothing changed.
   */
  List<StoredFinding> unmuteAll(List<StoredFinding> findings, List<io.compliancestreams.streams.findings.SuppressionRule> expired,
      Instant mutedAt, Instant now, java.util.function.Consumer<Output> out, Function<ResourceRef, String> names) {
    List<StoredFinding> updated = new ArrayList<>();
    boolean touched = false;
    for (StoredFinding f : findings) {
      boolean wasMuted = expired.stream().anyMatch(rule -> rule.matches(f.findingId(), f.practice(), f.resource(), mutedAt));
      if (wasMuted && f.status() != io.compliancestreams.streams.practices.Status.NOT_APPLICABLE) {
        Unmuted unmuted = unmute(f, now, names);
        out.accept(unmuted.delta());
        updated.add(unmuted.finding());
        touched = true;
      } else {
        updated.add(f);
      }
    }
    return touched ? updated : null;
  }

  private static boolean changed(StoredFinding a, StoredFinding b) {
    return a.status() != b.status()
        || !Objects.equals(a.reason(), b.reason())
        || !Objects.equals(a.recheckAt(), b.recheckAt())
        || a.sequence() != b.sequence();
  }
}
