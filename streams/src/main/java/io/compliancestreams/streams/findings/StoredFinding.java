package io.compliancestreams.streams.findings;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.time.Instant;
import java.util.Objects;

/**
 * The current state of one finding as the topology remembers it.
 *
 * @param sequence how many deltas this finding has emitted; the next delta gets sequence + 1
 * @param firstSeenAt when the finding was first evaluated
 * @param lastChangedAt when its status last changed
 * @param failingSince when the open failure began (its first transition into FAIL; an ERROR in
 *     between does not end it), null when none is open; null also in state written before this
 *     field existed — see {@link #openFailureSince()}
 */
public record StoredFinding(
    String findingId,
    int practice,
    ResourceRef resource,
    Status status,
    String reason,
    Instant evaluatedAt,
    Instant firstSeenAt,
    Instant lastChangedAt,
    long sequence,
    Instant recheckAt,
    Instant failingSince) {

  public StoredFinding {
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(status, "status");
  }

  /**
   * When the open failure began, or null when none is open. State written before
   * {@code failingSince} existed has it null: a FAIL finding then counts from its last status
   * change (when it became FAIL, unless an ERROR came between).
   */
  public Instant openFailureSince() {
    if (failingSince != null) {
      return failingSince;
    }
    return status == Status.FAIL ? lastChangedAt : null;
  }

  /** The evaluation this state holds. */
  public Evaluation evaluation() {
    return new Evaluation(practice, resource, status, reason, recheckAt);
  }
}
