package io.compliancestreams.sinks.testkit;

import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.Severity;
import java.time.Instant;

/** Deltas for sink tests, built from the schemas module's sample with every field set. */
public final class Deltas {

  private Deltas() {}

  /** A REGRESSED (PASS → FAIL), unsuppressed delta of finding {@code findingId}, evaluated at {@code at}. */
  public static FindingDelta failing(String findingId, long sequence, Instant at) {
    return FindingDelta.newBuilder(Samples.findingDelta())
        .setDeltaId(findingId + ":" + sequence)
        .setFindingId(findingId)
        .setSequence(sequence)
        .setEvaluatedAt(at)
        .setSuppressed(false)
        .build();
  }

  public static FindingDelta of(ChangeKind kind, FindingStatus previous, FindingStatus next) {
    FindingDelta.Builder b = FindingDelta.newBuilder(Samples.findingDelta())
        .setChangeKind(kind)
        .setPreviousStatus(previous)
        .setNewStatus(next)
        .setSuppressed(false);
    if (next != FindingStatus.FAIL) {
      b.setRemediation(null);
    }
    return b.build();
  }

  public static FindingDelta withSeverity(FindingDelta d, Severity severity) {
    return FindingDelta.newBuilder(d).setSeverity(severity).build();
  }
}
