package io.compliancestreams.streams.query;

import java.time.Instant;
import java.util.List;

/** One resource: its key, its last snapshot's capture time and its findings. */
public record ResourceView(String resourceKey, String resourceType, Instant lastSnapshotAt,
    Instant evaluatedAt, List<FindingView> findings) {
  public ResourceView {
    findings = List.copyOf(findings);
  }
}
