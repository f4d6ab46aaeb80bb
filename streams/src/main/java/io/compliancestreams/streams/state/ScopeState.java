package io.compliancestreams.streams.state;

import io.compliancestreams.streams.findings.StoredFinding;
import java.time.Instant;
import java.util.List;

/**
 * The findings of the account- and region-scoped practices of one account, when they were last
 * evaluated, the next time-based re-evaluation (null when none), and the practice catalogue they
 * were evaluated with (null in values written before it existed).
 */
public record ScopeState(List<StoredFinding> findings, Instant evaluatedAt, Instant recheckAt,
    Long catalogueHash) {
  public ScopeState {
    findings = findings == null ? List.of() : List.copyOf(findings);
  }
}
