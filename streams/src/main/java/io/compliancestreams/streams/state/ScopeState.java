package io.compliancestreams.streams.state;

import io.compliancestreams.streams.findings.StoredFinding;
import java.time.Instant;
import java.util.List;

/**
 * The findings of the account- and region-scoped practices of one account, when they were last
 * evaluated, and the next time-based re-evaluation (null when none).
 */
public record ScopeState(List<StoredFinding> findings, Instant evaluatedAt, Instant recheckAt) {
  public ScopeState {
    findings = findings == null ? List.of() : List.copyOf(findings);
  }
}
