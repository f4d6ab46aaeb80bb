package io.compliancestreams.streams.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One resource: its key, name (null when it has none, or for an account's scope), tags, its last
 * snapshot's capture time and its findings.
 */
public record ResourceView(String resourceKey, String resourceType, String resourceName,
    Map<String, String> tags, Instant lastSnapshotAt, Instant evaluatedAt, List<FindingView> findings) {
  public ResourceView {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    findings = List.copyOf(findings);
  }
}
