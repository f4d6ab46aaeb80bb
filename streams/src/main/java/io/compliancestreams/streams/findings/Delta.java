package io.compliancestreams.streams.findings;

import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * One status change of one finding.
 *
 * @param previousStatus null for NEW
 * @param newStatus null for CLOSED
 * @param reason the current evaluation's reason (for CLOSED: why it closed)
 * @param failingSince on the delta that ends a failure (to PASS, or CLOSED): when it began; else null
 * @param failedFor on that delta: how long the failure lasted; else null
 */
public record Delta(
    String findingId,
    long sequence,
    int practice,
    ResourceRef resource,
    Status previousStatus,
    Status newStatus,
    ChangeKind kind,
    String reason,
    Instant evaluatedAt,
    Trigger trigger,
    Instant failingSince,
    Duration failedFor) {

  /** A delta that ends no failure. */
  public Delta(String findingId, long sequence, int practice, ResourceRef resource, Status previousStatus,
      Status newStatus, ChangeKind kind, String reason, Instant evaluatedAt, Trigger trigger) {
    this(findingId, sequence, practice, resource, previousStatus, newStatus, kind, reason, evaluatedAt, trigger,
        null, null);
  }

  /** {@code <finding id>-<sequence>}: unique per delta, the same on every replay. */
  public String deltaId() {
    return findingId + "-" + sequence;
  }
}
