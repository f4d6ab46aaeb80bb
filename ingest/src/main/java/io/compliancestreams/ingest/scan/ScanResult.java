package io.compliancestreams.ingest.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a scan did.
 *
 * @param snapshotsByType snapshots emitted per resource type, deletions included
 * @param deletionsByType ResourceDeleted snapshots emitted per resource type
 * @param callsByService AWS API calls per service (retries excluded), from the call counter
 * @param accounts the account ids scanned (those whose STS call succeeded)
 * @param scopesSucceeded how many scopes succeeded
 * @param failures the scopes that failed, with their reasons
 */
public record ScanResult(
    String scanId,
    Instant startedAt,
    Duration duration,
    Map<String, Long> snapshotsByType,
    Map<String, Long> deletionsByType,
    Map<String, Long> callsByService,
    List<String> accounts,
    int scopesSucceeded,
    List<ScopeFailure> failures) {

  public ScanResult {
    snapshotsByType = Map.copyOf(snapshotsByType);
    deletionsByType = Map.copyOf(deletionsByType);
    callsByService = Map.copyOf(callsByService);
    accounts = List.copyOf(accounts);
    failures = List.copyOf(failures);
  }

  public long snapshots() {
    return snapshotsByType.values().stream().mapToLong(Long::longValue).sum();
  }

  public boolean complete() {
    return failures.isEmpty();
  }
}
