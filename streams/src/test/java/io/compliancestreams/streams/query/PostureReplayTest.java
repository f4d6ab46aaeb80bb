package io.compliancestreams.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostureReplayTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:05:00Z");

  private static FindingView finding(String id, String status, Instant evaluatedAt, boolean suppressed) {
    return new FindingView(id, 10, "S3.4", "S3 default encryption", "HIGH", status, "111122223333", "eu-west-1",
        "AWS::S3::Bucket", id, "arn:aws:s3:::" + id, "111122223333/eu-west-1/AWS::S3::Bucket/" + id,
        status + " reason", null, evaluatedAt, evaluatedAt, evaluatedAt, suppressed, null);
  }

  private static PostureReplay.Change change(String id, long sequence, String status, Instant at) {
    return new PostureReplay.Change(id, sequence, at, status == null ? null : finding(id, status, at, false));
  }

  @Test
  void shouldTakeEachFindingsHighestSequenceAtOrBeforeTheInstant() {
    Instant t1 = T0.plusSeconds(60);
    Instant t2 = T0.plusSeconds(120);
    List<PostureReplay.Change> changes = List.of(
        change("a", 2, "PASS", t2), change("a", 1, "FAIL", t1),
        change("b", 1, "PASS", t1), change("b", 2, "FAIL", t2));

    assertThat(PostureReplay.at(t1, List.of(), changes)).extracting(FindingView::findingId, FindingView::status)
        .containsExactly(tuple("a", "FAIL"), tuple("b", "PASS"));
    assertThat(PostureReplay.at(t2, List.of(), changes)).extracting(FindingView::findingId, FindingView::status)
        .containsExactly(tuple("a", "PASS"), tuple("b", "FAIL"));
    assertThat(PostureReplay.at(t1.minusMillis(1), List.of(), changes)).isEmpty();
  }

  @Test
  void shouldKeepTheFirstSightingAndMarkTheLastChange() {
    Instant t1 = T0.plusSeconds(60);
    Instant t2 = T0.plusSeconds(120);
    List<FindingView> posture = PostureReplay.at(t2, List.of(),
        List.of(change("a", 1, "FAIL", t1), change("a", 2, "PASS", t2)));

    assertThat(posture).singleElement().satisfies(f -> {
      assertThat(f.firstSeenAt()).isEqualTo(t1);
      assertThat(f.lastChangedAt()).isEqualTo(t2);
      assertThat(f.reason()).isEqualTo("PASS reason");
    });
  }

  @Test
  void shouldSkipDeltasTheSnapshotAlreadyHolds() {
    Instant before = T0.minusSeconds(600);
    FindingView inSnapshot = finding("a", "FAIL", T0, true);
    // Sequence 1 (PASS, before the snapshot's evaluation of "a") is in the snapshot already.
    List<FindingView> posture = PostureReplay.at(T0.plusSeconds(60), List.of(inSnapshot),
        List.of(change("a", 1, "PASS", before)));

    assertThat(posture).singleElement().isEqualTo(inSnapshot);
  }

  @Test
  void shouldApplyDeltasAfterTheSnapshotAndCloseFindings() {
    Instant t1 = T0.plusSeconds(60);
    List<FindingView> base = List.of(finding("a", "FAIL", T0, false), finding("b", "PASS", T0, false),
        finding("c", "NOT_APPLICABLE", T0, false));
    List<PostureReplay.Change> changes = List.of(change("a", 4, "PASS", t1), change("b", 7, null, t1),
        change("c", 1, "FAIL", t1), change("d", 1, "ERROR", t1));

    List<FindingView> posture = PostureReplay.at(t1, base, changes);

    assertThat(posture).extracting(FindingView::findingId, FindingView::status).containsExactly(
        tuple("a", "PASS"), tuple("c", "FAIL"),
        tuple("d", "ERROR"));
    assertThat(posture.get(0).firstSeenAt()).as("first seen before the snapshot").isEqualTo(T0);
  }

  @Test
  void shouldLeaveNotApplicableFindingsOutOfTheSnapshotPosture() {
    assertThat(PostureReplay.at(T0, List.of(finding("c", "NOT_APPLICABLE", T0, false)), List.of())).isEmpty();
  }

  @Test
  void shouldApplyADeltaEvaluatedAtTheSnapshotsOwnInstant() {
    // A late record is evaluated at the resource's last evaluation instant: it may follow the snapshot.
    List<FindingView> posture = PostureReplay.at(T0.plusSeconds(1), List.of(finding("a", "PASS", T0, false)),
        List.of(change("a", 3, "FAIL", T0)));

    assertThat(posture).singleElement().extracting(FindingView::status).isEqualTo("FAIL");
  }

  @Test
  void shouldCarrySuppressionAsTheLastDeltaSaidIt() {
    FindingView suppressed = finding("a", "FAIL", T0, true);
    List<FindingView> posture = PostureReplay.at(T0, List.of(),
        List.of(new PostureReplay.Change("a", 1, T0, suppressed)));

    assertThat(PostureSummary.of(posture).practices()).singleElement().satisfies(p -> {
      assertThat(p.fail()).isZero();
      assertThat(p.suppressed()).isEqualTo(1);
    });
  }
}
