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
    Instant recheckAt) {

  public StoredFinding {
    Objects.requireNonNull(findingId, "findingId");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(status, "status");
  }

  /** The evaluation this state holds. */
  public Evaluation evaluation() {
    return new Evaluation(practice, resource, status, reason, recheckAt);
  }
}
