package io.compliancestreams.streams.findings;

import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.time.Instant;

/**
 * One status change of one finding.
 *
 * @param previousStatus null for NEW
 * @param newStatus null for CLOSED
 * @param reason the current evaluation's reason (for CLOSED: why it closed)
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
    Trigger trigger) {

  /** {@code <finding id>-<sequence>}: unique per delta, the same on every replay. */
  public String deltaId() {
    return findingId + "-" + sequence;
  }
}
