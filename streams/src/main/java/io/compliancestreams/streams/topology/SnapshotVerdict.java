package io.compliancestreams.streams.topology;

import io.compliancestreams.streams.state.StoredResource;
import java.time.Instant;

/**
 * What a snapshot means against the stored header of its resource (pure): evaluate it, only
 * advance the stored capture time, or ignore it as older than what is stored.
 */
enum SnapshotVerdict {
  /** New resource, new content, a new practice catalogue, or a recheck due: parse and evaluate. */
  CHANGED,
  /** Same content, same catalogue, newer or equal: move the header's capture time, nothing else. */
  UNCHANGED,
  /** Older than the stored snapshot: the ordering guard ignores it. */
  STALE;

  static SnapshotVerdict of(StoredResource stored, Instant captureTime, String stateId,
      long contentHash, long catalogueHash, Instant recordTime) {
    if (stored == null) {
      return CHANGED;
    }
    if (Ordering.isOlder(captureTime, stateId, stored.captureTime(), stored.configurationStateId())) {
      return STALE;
    }
    boolean same = stored.contentHash() != StoredResource.UNKNOWN
        && stored.contentHash() == contentHash
        && stored.catalogueHash() == catalogueHash;
    // A record at or past the recheck deadline is evaluated as before the skip existed (its time
    // may change a time-based status; the punctuation would otherwise report it with wall time).
    boolean recheckDue = stored.recheckAt() != null && !recordTime.isBefore(stored.recheckAt());
    return same && !recheckDue ? UNCHANGED : CHANGED;
  }
}
