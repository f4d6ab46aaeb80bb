package io.compliancestreams.sinks.slack;

import io.compliancestreams.schemas.Samples;
import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.sinks.runner.SinkRecord;

/** Deltas for the tests, all derived from the schema's sample (finding f-3b9a, practice 7, S3.4). */
final class Deltas {

  static final String TOPIC = "compliance.finding.delta.v1";

  private Deltas() {}

  /** The sample: a REGRESSED PASS → FAIL, sequence 2. */
  static FindingDelta regression() {
    return FindingDelta.newBuilder(Samples.findingDelta()).setSuppressed(false).build();
  }

  static FindingDelta change(ChangeKind kind, FindingStatus before, FindingStatus after, long sequence) {
    return FindingDelta.newBuilder(regression())
        .setChangeKind(kind)
        .setPreviousStatus(before)
        .setNewStatus(after)
        .setSequence(sequence)
        .setDeltaId("f-3b9a:" + sequence)
        .setEvaluatedAt(Samples.T0.plusSeconds(60 * sequence))
        .build();
  }

  /** A new failure of another finding: a different bucket {@code bucket-i}. */
  static FindingDelta newFailure(int i) {
    return FindingDelta.newBuilder(regression())
        .setFindingId("f-" + i)
        .setDeltaId("f-" + i + ":1")
        .setSequence(1)
        .setChangeKind(ChangeKind.NEW)
        .setPreviousStatus(null)
        .setNewStatus(FindingStatus.FAIL)
        .setResourceId("bucket-" + i)
        .setResourceArn("arn:aws:s3:::bucket-" + i)
        .setResourceKey("123456789012/eu-west-1/AWS::S3::Bucket/bucket-" + i)
        .build();
  }

  static SinkRecord record(FindingDelta d, long offset) {
    return new SinkRecord(TOPIC, 0, offset, d.getFindingId(), d);
  }
}
