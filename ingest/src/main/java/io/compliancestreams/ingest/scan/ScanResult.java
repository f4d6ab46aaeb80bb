package io.compliancestreams.ingest.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a scan did.
 *
 * @param snapshotsByType snapshots emitted (and, for a publishing scan, acknowledged) per resource
 *     type, deletions included
 * @param deletionsByType ResourceDeleted snapshots emitted per resource type
 * @param callsByService AWS API calls per service (retries excluded), from the call counter
 * @param accounts the account ids scanned (those whose STS call succeeded)
 * @param scopesSucceeded how many scopes succeeded
 * @param failures the scopes that failed, with their reasons
 * @param unpublishedByType snapshots the sink did not acknowledge (after its retries), per type
 * @param publishErrors why those were not acknowledged: reason → count
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
    List<ScopeFailure> failures,
    Map<String, Long> unpublishedByType,
    Map<String, Long> publishErrors) {

  public ScanResult {
    snapshotsByType = Map.copyOf(snapshotsByType);
    deletionsByType = Map.copyOf(deletionsByType);
    callsByService = Map.copyOf(callsByService);
    accounts = List.copyOf(accounts);
    failures = List.copyOf(failures);
    unpublishedByType = Map.copyOf(unpublishedByType);
    publishErrors = Map.copyOf(publishErrors);
  }

  /** A result of a scan whose sink takes every snapshot at once (nothing can be unpublished). */
  public ScanResult(String scanId, Instant startedAt, Duration duration, Map<String, Long> snapshotsByType,
      Map<String, Long> deletionsByType, Map<String, Long> callsByService, List<String> accounts,
      int scopesSucceeded, List<ScopeFailure> failures) {
    this(scanId, startedAt, duration, snapshotsByType, deletionsByType, callsByService, accounts, scopesSucceeded,
        failures, Map.of(), Map.of());
  }

  /** Snapshots that were not acknowledged (not counted in {@link #snapshots()}). */
  public long unpublished() {
    return unpublishedByType.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The most frequent reason a snapshot was not acknowledged, or empty if all were. */
  public java.util.Optional<String> mainPublishError() {
    return publishErrors.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
  }

  public long snapshots() {
    return snapshotsByType.values().stream().mapToLong(Long::longValue).sum();
  }

  public boolean complete() {
    return failures.isEmpty();
  }
}
