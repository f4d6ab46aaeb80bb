package io.compliancestreams.app.posture;

import io.compliancestreams.sinks.s3.AuditTrailReader;
import io.compliancestreams.streams.query.FindingView;
import io.compliancestreams.streams.query.PostureReplay;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * From the s3 sink's trail: the newest complete daily snapshot at or before the instant, then the
 * deltas evaluated from that snapshot's UTC day up to the instant. A delta evaluated before the
 * snapshot's day but delivered after it (a capture time a day late) is not read.
 */
final class AuditTrailHistory implements PostureHistory {

  private final Supplier<AuditTrailReader> trail;

  /** @param trail opens the trail for one rebuild (closed after it) */
  AuditTrailHistory(Supplier<AuditTrailReader> trail) {
    this.trail = trail;
  }

  @Override
  public PostureAsOf at(Instant asOf) {
    try (AuditTrailReader reader = trail.get()) {
      AuditTrailReader.Snapshot snapshot = reader.snapshotAtOrBefore(asOf).orElseThrow(() -> {
        Instant earliest = reader.earliestSnapshot().orElse(null);
        return new NoPostureAtInstant(earliest == null
            ? "no complete posture snapshot in the S3 audit trail yet (the s3 sink takes one a day, at"
                + " sink.s3.posture.time): no posture can be rebuilt from it"
            : "no posture before " + earliest + " in the S3 audit trail: its earliest complete posture snapshot"
                + " is from then; ask for " + earliest + " or later", earliest);
      });
      List<FindingView> base = snapshot.findings().stream().map(Views::of).toList();
      List<PostureReplay.Change> changes = reader.deltas(snapshot.snapshotAt().atZone(java.time.ZoneOffset.UTC)
          .toLocalDate(), asOf).stream().map(Views::change).toList();
      return PostureAsOf.of(asOf, snapshot.key(), snapshot.snapshotAt(), PostureReplay.at(asOf, base, changes));
    }
  }
}
