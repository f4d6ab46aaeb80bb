package io.compliancestreams.streams.findings;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pure diff: previous findings and current evaluations of the same inputs in, deltas and the
 * new findings out. A delta is emitted exactly when a status changes:
 *
 * <ul>
 *   <li>absent or NOT_APPLICABLE → PASS / FAIL / ERROR: {@link ChangeKind#NEW}
 *   <li>PASS → FAIL: {@link ChangeKind#REGRESSED}; FAIL → PASS: {@link ChangeKind#RESOLVED}
 *   <li>to or from ERROR: {@link ChangeKind#CHANGED}
 *   <li>PASS / FAIL / ERROR → NOT_APPLICABLE or no longer evaluated: {@link ChangeKind#CLOSED}
 * </ul>
 *
 * <p>A delta that ends a failure (to PASS, or CLOSED, after a FAIL) carries when the failure began
 * and how long it lasted; a failure begins at the first FAIL and an ERROR in between neither ends
 * nor restarts it (see {@link #failingSince}).
 *
 * <p>Same status with another reason updates the stored reason silently. NOT_APPLICABLE results
 * are kept in state (so the query API can show them) but never open a finding.
 */
public final class FindingDiff {

  private FindingDiff() {}

  /**
   * @param previous the stored findings of the scope being re-evaluated
   * @param current all current evaluations of that scope (an empty list closes everything)
   * @param at the evaluation instant
   * @param trigger what caused this evaluation
   * @param closedReason the reason given to findings that are no longer evaluated
   */
  public static DiffResult diff(
      Collection<StoredFinding> previous,
      List<Evaluation> current,
      Instant at,
      Trigger trigger,
      String closedReason) {
    Map<String, StoredFinding> before = new TreeMap<>();
    previous.forEach(f -> before.put(f.findingId(), f));
    Map<String, Evaluation> now = new LinkedHashMap<>();
    for (Evaluation e : current) {
      now.put(FindingId.of(e.practice(), e.resource()), e);
    }

    List<Delta> deltas = new ArrayList<>();
    Map<String, StoredFinding> after = new TreeMap<>();
    for (Map.Entry<String, Evaluation> entry : now.entrySet()) {
      String id = entry.getKey();
      Evaluation e = entry.getValue();
      StoredFinding old = before.get(id);
      Status oldStatus = open(old) ? old.status() : null;
      ChangeKind kind = kindOf(oldStatus, e.status());
      long sequence = old == null ? 0 : old.sequence();
      Instant firstSeen = old == null ? at : old.firstSeenAt();
      Instant lastChanged = old == null ? at : old.lastChangedAt();
      Instant openSince = old == null ? null : old.openFailureSince();
      Instant failingSince = failingSince(openSince, e.status(), at);
      if (kind != null) {
        sequence++;
        lastChanged = at;
        Status newStatus = kind == ChangeKind.CLOSED ? null : e.status();
        Instant ended = failingSince == null ? openSince : null;
        deltas.add(new Delta(id, sequence, e.practice(), e.resource(), oldStatus, newStatus,
            kind, e.reason(), at, trigger, ended, failedFor(ended, at)));
      }
      after.put(id, new StoredFinding(id, e.practice(), e.resource(), e.status(), e.reason(), at,
          firstSeen, lastChanged, sequence, e.recheckAt(), failingSince));
    }
    for (StoredFinding old : before.values()) {
      if (now.containsKey(old.findingId())) {
        continue;
      }
      if (open(old)) {
        Instant ended = old.openFailureSince();
        deltas.add(new Delta(old.findingId(), old.sequence() + 1, old.practice(), old.resource(),
            old.status(), null, ChangeKind.CLOSED, closedReason, at, trigger, ended, failedFor(ended, at)));
      }
    }
    return new DiffResult(deltas, after);
  }

  /**
   * When the failure open after this evaluation began: a FAIL keeps an open failure's start or
   * starts one now; an ERROR keeps an open one (an evaluation that could not run is no evidence of
   * a fix) but starts none; PASS and NOT_APPLICABLE end it.
   */
  static Instant failingSince(Instant openSince, Status status, Instant at) {
    return switch (status) {
      case FAIL -> openSince != null ? openSince : at;
      case ERROR -> openSince;
      case PASS, NOT_APPLICABLE -> null;
    };
  }

  private static Duration failedFor(Instant since, Instant at) {
    if (since == null) {
      return null;
    }
    // Evaluation time never goes back for a finding; the floor only guards hand-made state.
    return since.isAfter(at) ? Duration.ZERO : Duration.between(since, at);
  }

  private static boolean open(StoredFinding finding) {
    return finding != null && finding.status() != Status.NOT_APPLICABLE;
  }

  /** The kind of change from an open status (null = none open) to a new status; null if none. */
  static ChangeKind kindOf(Status before, Status after) {
    if (before == after) {
      return null;
    }
    if (before == null) {
      return after == Status.NOT_APPLICABLE ? null : ChangeKind.NEW;
    }
    if (after == Status.NOT_APPLICABLE) {
      return ChangeKind.CLOSED;
    }
    if (before == Status.PASS && after == Status.FAIL) {
      return ChangeKind.REGRESSED;
    }
    if (before == Status.FAIL && after == Status.PASS) {
      return ChangeKind.RESOLVED;
    }
    return ChangeKind.CHANGED;
  }
}
