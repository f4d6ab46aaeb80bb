package io.compliancestreams.streams.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingDiffTest {

  private static final ResourceRef BUCKET = new ResourceRef(
      "111122223333", "eu-west-1", "AWS::S3::Bucket", "audit-logs", "arn:aws:s3:::audit-logs");
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");
  private static final Trigger SNAPSHOT = Trigger.snapshot("42");

  private static Evaluation eval(Status status, String reason) {
    return new Evaluation(10, BUCKET, status, reason, null);
  }

  private static Collection<StoredFinding> stateAfter(Evaluation... evaluations) {
    return FindingDiff.diff(List.of(), List.of(evaluations), T0, SNAPSHOT, "gone").findings().values();
  }

  @Test
  void shouldEmitNewOnTheFirstEvaluation() {
    DiffResult result = FindingDiff.diff(List.of(), List.of(eval(Status.FAIL, "no rule")), T0, SNAPSHOT, "gone");
    assertThat(result.deltas()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ChangeKind.NEW);
      assertThat(d.previousStatus()).isNull();
      assertThat(d.newStatus()).isEqualTo(Status.FAIL);
      assertThat(d.sequence()).isEqualTo(1);
      assertThat(d.deltaId()).isEqualTo(FindingId.of(10, BUCKET) + "-1");
      assertThat(d.reason()).isEqualTo("no rule");
      assertThat(d.resource()).isEqualTo(BUCKET);
      assertThat(d.trigger()).isEqualTo(SNAPSHOT);
    });
  }

  @Test
  void shouldEmitNothingWhenTheStatusIsUnchangedEvenIfTheReasonChanged() {
    Collection<StoredFinding> before = stateAfter(eval(Status.PASS, "AES256"));
    DiffResult result = FindingDiff.diff(before, List.of(eval(Status.PASS, "aws:kms")), T1, SNAPSHOT, "gone");
    assertThat(result.deltas()).isEmpty();
    assertThat(result.findings().values()).singleElement().satisfies(f -> {
      assertThat(f.reason()).isEqualTo("aws:kms");
      assertThat(f.lastChangedAt()).isEqualTo(T0);
      assertThat(f.sequence()).isEqualTo(1);
    });
  }

  @Test
  void shouldEmitRegressedFromPassToFailAndResolvedBack() {
    Collection<StoredFinding> pass = stateAfter(eval(Status.PASS, "ok"));
    DiffResult regressed = FindingDiff.diff(pass, List.of(eval(Status.FAIL, "bad")), T1, SNAPSHOT, "gone");
    assertThat(regressed.deltas()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ChangeKind.REGRESSED);
      assertThat(d.previousStatus()).isEqualTo(Status.PASS);
      assertThat(d.newStatus()).isEqualTo(Status.FAIL);
      assertThat(d.sequence()).isEqualTo(2);
    });
    DiffResult resolved = FindingDiff.diff(regressed.findings().values(),
        List.of(eval(Status.PASS, "ok")), T1, SNAPSHOT, "gone");
    assertThat(resolved.deltas()).singleElement()
        .satisfies(d -> assertThat(d.kind()).isEqualTo(ChangeKind.RESOLVED))
        .satisfies(d -> assertThat(d.sequence()).isEqualTo(3));
  }

  @Test
  void shouldCloseFindingsThatAreNoLongerEvaluated() {
    Collection<StoredFinding> fail = stateAfter(eval(Status.FAIL, "bad"));
    DiffResult result = FindingDiff.diff(fail, List.of(), T1, SNAPSHOT, "resource deleted");
    assertThat(result.deltas()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ChangeKind.CLOSED);
      assertThat(d.previousStatus()).isEqualTo(Status.FAIL);
      assertThat(d.newStatus()).isNull();
      assertThat(d.reason()).isEqualTo("resource deleted");
      assertThat(d.sequence()).isEqualTo(2);
    });
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void shouldCloseWhenThePracticeNoLongerAppliesAndReopenAsNewLater() {
    Collection<StoredFinding> fail = stateAfter(eval(Status.FAIL, "bad"));
    DiffResult closed = FindingDiff.diff(fail, List.of(eval(Status.NOT_APPLICABLE, "detached")), T1, SNAPSHOT, "gone");
    assertThat(closed.deltas()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ChangeKind.CLOSED);
      assertThat(d.reason()).isEqualTo("detached");
    });
    DiffResult reopened = FindingDiff.diff(closed.findings().values(), List.of(eval(Status.FAIL, "bad")), T1, SNAPSHOT, "gone");
    assertThat(reopened.deltas()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ChangeKind.NEW);
      assertThat(d.sequence()).isEqualTo(3);
    });
  }

  @Test
  void shouldNotOpenAFindingForNotApplicable() {
    DiffResult result = FindingDiff.diff(List.of(), List.of(eval(Status.NOT_APPLICABLE, "detached")), T0, SNAPSHOT, "gone");
    assertThat(result.deltas()).isEmpty();
    assertThat(result.findings()).hasSize(1);
    assertThat(FindingDiff.diff(result.findings().values(), List.of(), T1, SNAPSHOT, "gone").deltas()).isEmpty();
  }

  @Test
  void shouldMarkChangesToAndFromErrorAsChanged() {
    assertThat(FindingDiff.kindOf(Status.PASS, Status.ERROR)).isEqualTo(ChangeKind.CHANGED);
    assertThat(FindingDiff.kindOf(Status.ERROR, Status.FAIL)).isEqualTo(ChangeKind.CHANGED);
    assertThat(FindingDiff.kindOf(null, Status.ERROR)).isEqualTo(ChangeKind.NEW);
  }

  @Test
  void shouldGiveTheSameFindingIdForTheSamePracticeAndResource() {
    assertThat(FindingId.of(10, BUCKET)).isEqualTo(FindingId.of(10, BUCKET)).startsWith("p10-").hasSize(28);
    assertThat(FindingId.of(11, BUCKET)).isNotEqualTo(FindingId.of(10, BUCKET));
  }

  private static final Instant T2 = Instant.parse("2026-06-01T03:12:00Z");
  private static final Instant T3 = Instant.parse("2026-06-01T05:00:00Z");

  private static DiffResult step(Collection<StoredFinding> before, Status status, Instant at) {
    return FindingDiff.diff(before, List.of(eval(status, status.name())), at, SNAPSHOT, "gone");
  }

  @Test
  void shouldCarryWhenTheFailureBeganAndHowLongItLastedOnResolved() {
    DiffResult regressed = step(stateAfter(eval(Status.PASS, "ok")), Status.FAIL, T1);
    assertThat(regressed.deltas()).singleElement().satisfies(d -> {
      assertThat(d.failingSince()).isNull();
      assertThat(d.failedFor()).isNull();
    });
    assertThat(regressed.findings().values()).singleElement()
        .satisfies(f -> assertThat(f.failingSince()).isEqualTo(T1));
    DiffResult resolved = step(regressed.findings().values(), Status.PASS, T2);
    assertThat(resolved.deltas()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ChangeKind.RESOLVED);
      assertThat(d.failingSince()).isEqualTo(T1);
      assertThat(d.failedFor()).isEqualTo(java.time.Duration.ofMinutes(2 * 60 + 12));
    });
    assertThat(resolved.findings().values()).singleElement().satisfies(f -> assertThat(f.failingSince()).isNull());
  }

  @Test
  void shouldCountAFailureFromItsFirstFailAcrossAnErrorInBetween() {
    DiffResult fail = FindingDiff.diff(List.of(), List.of(eval(Status.FAIL, "bad")), T0, SNAPSHOT, "gone");
    DiffResult error = step(fail.findings().values(), Status.ERROR, T1);
    assertThat(error.deltas()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ChangeKind.CHANGED);
      assertThat(d.failingSince()).isNull();
    });
    DiffResult failAgain = step(error.findings().values(), Status.FAIL, T2);
    assertThat(failAgain.findings().values()).singleElement()
        .satisfies(f -> assertThat(f.failingSince()).isEqualTo(T0));
    DiffResult resolved = step(failAgain.findings().values(), Status.PASS, T3);
    assertThat(resolved.deltas()).singleElement().satisfies(d -> {
      assertThat(d.failingSince()).isEqualTo(T0);
      assertThat(d.failedFor()).isEqualTo(java.time.Duration.ofHours(5));
    });
  }

  @Test
  void shouldEndAnOpenFailureWhenAnErrorTurnsToPass() {
    DiffResult error = step(stateAfter(eval(Status.FAIL, "bad")), Status.ERROR, T1);
    DiffResult pass = step(error.findings().values(), Status.PASS, T2);
    assertThat(pass.deltas()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ChangeKind.CHANGED);
      assertThat(d.failingSince()).isEqualTo(T0);
      assertThat(d.failedFor()).isEqualTo(java.time.Duration.between(T0, T2));
    });
  }

  @Test
  void shouldStartNoFailureOnAnErrorAlone() {
    DiffResult error = step(stateAfter(eval(Status.PASS, "ok")), Status.ERROR, T1);
    DiffResult pass = step(error.findings().values(), Status.PASS, T2);
    assertThat(pass.deltas()).singleElement().satisfies(d -> {
      assertThat(d.failingSince()).isNull();
      assertThat(d.failedFor()).isNull();
    });
  }

  @Test
  void shouldCarryTheFailureOnClosedWhenTheResourceIsGone() {
    DiffResult closed = FindingDiff.diff(stateAfter(eval(Status.FAIL, "bad")), List.of(), T2, SNAPSHOT, "deleted");
    assertThat(closed.deltas()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ChangeKind.CLOSED);
      assertThat(d.failingSince()).isEqualTo(T0);
      assertThat(d.failedFor()).isEqualTo(java.time.Duration.between(T0, T2));
    });
  }

  @Test
  void shouldCarryNoFailureOnClosedOfAPassingFinding() {
    DiffResult closed = step(stateAfter(eval(Status.PASS, "ok")), Status.NOT_APPLICABLE, T2);
    assertThat(closed.deltas()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(ChangeKind.CLOSED);
      assertThat(d.failingSince()).isNull();
    });
  }

  @Test
  void shouldCountAFailureOfStateWrittenBeforeFailingSinceFromItsLastStatusChange() {
    StoredFinding legacy = new StoredFinding(FindingId.of(10, BUCKET), 10, BUCKET, Status.FAIL, "bad", T1, T0, T1,
        2, null, null);
    DiffResult resolved = step(List.of(legacy), Status.PASS, T3);
    assertThat(resolved.deltas()).singleElement().satisfies(d -> {
      assertThat(d.failingSince()).isEqualTo(T1);
      assertThat(d.failedFor()).isEqualTo(java.time.Duration.between(T1, T3));
    });
  }
}
