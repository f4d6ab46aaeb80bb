package io.compliancestreams.streams.state;

import io.compliancestreams.streams.findings.StoredFinding;
import io.compliancestreams.streams.practices.ConfigurationItem;
import java.time.Instant;
import java.util.List;

/**
 * What the topology remembers about one resource: its latest configuration item, the findings of
 * the resource-scoped practices on it, when it was last evaluated (evaluation time never goes
 * backwards for a resource), and its next time-based re-evaluation (null when none).
 */
public record ResourceState(
    ConfigurationItem item, List<StoredFinding> findings, Instant evaluatedAt, Instant recheckAt) {
  public ResourceState {
    findings = findings == null ? List.of() : List.copyOf(findings);
  }
}
