package io.compliancestreams.streams.findings;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a diff: the deltas to emit and the findings to keep (by finding id). A finding
 * absent from {@code findings} is removed from state.
 */
public record DiffResult(List<Delta> deltas, Map<String, StoredFinding> findings) {
  public DiffResult {
    deltas = List.copyOf(deltas);
    findings = Map.copyOf(findings);
  }
}
