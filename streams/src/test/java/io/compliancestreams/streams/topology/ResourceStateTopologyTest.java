package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.TriggerKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-resource path of the topology: exact deltas, store contents, ordering, deletion. */
class ResourceStateTopologyTest {

  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");
  private static final Instant T2 = Instant.parse("2026-06-01T02:00:00Z");
  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ResourceSnapshot unencryptedBucket() {
    return TopologyHarness.fixture(10, "fail-no-encryption-rule.json").get(0);
  }

  private static ResourceSnapshot encryptedBucket() {
    return TopologyHarness.fixture(10, "pass-sse-s3-default.json").get(0);
  }

  @Test
  void shouldEmitNewFailWithTheResourceAndReasonWhenAnUnencryptedBucketArrives() {
    ResourceSnapshot bucket = unencryptedBucket();
    harness.send(bucket, T1);
    List<FindingDelta> deltas = harness.deltasOf(10);
    assertThat(deltas).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.NEW);
      assertThat(d.getPreviousStatus()).isNull();
      assertThat(d.getNewStatus()).isEqualTo(FindingStatus.FAIL);
      assertThat(d.getControlId()).isEqualTo("S3.4");
      assertThat(d.getResourceKey()).isEqualTo(SnapshotRecords.key(bucket));
      assertThat(d.getResourceType()).isEqualTo("AWS::S3::Bucket");
      assertThat(d.getResourceId()).isEqualTo(bucket.getResourceId());
      assertThat(d.getAccountId()).isEqualTo(bucket.getAccountId());
      assertThat(d.getRegion()).isEqualTo(bucket.getAwsRegion());
      assertThat(d.getReason()).isNotBlank();
      assertThat(d.getSequence()).isEqualTo(1);
      assertThat(d.getDeltaId()).isEqualTo(d.getFindingId() + "-1");
      assertThat(d.getTrigger().getKind()).isEqualTo(TriggerKind.SNAPSHOT);
      assertThat(d.getEvaluatedAt()).isEqualTo(T1);
      assertThat(d.getSuppressed()).isFalse();
    });
    assertThat(harness.resourceStore()).singleElement()
        .satisfies(kv -> assertThat(kv.key).isEqualTo(SnapshotRecords.key(bucket)));
  }

  @Test
  void shouldNotEmitWhenSnapshotIsUnchanged() {
    ResourceSnapshot bucket = unencryptedBucket();
    harness.send(bucket, T1);
    harness.deltas();
    harness.send(SnapshotRecords.later(bucket, T2), T2);
    assertThat(harness.deltas()).isEmpty();
  }

  @Test
  void shouldEmitRegressionWhenBucketEncryptionIsRemoved() {
    ResourceSnapshot encrypted = encryptedBucket();
    ResourceSnapshot unencrypted = ResourceSnapshot.newBuilder(SnapshotRecords.later(encrypted, T2))
        .setSupplementaryConfiguration(unencryptedBucket().getSupplementaryConfiguration())
        .build();
    harness.send(encrypted, T1);
    assertThat(harness.deltasOf(10)).extracting(FindingDelta::getNewStatus).containsExactly(FindingStatus.PASS);
    harness.send(unencrypted, T2);
    assertThat(harness.deltasOf(10)).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.REGRESSED);
      assertThat(d.getPreviousStatus()).isEqualTo(FindingStatus.PASS);
      assertThat(d.getNewStatus()).isEqualTo(FindingStatus.FAIL);
      assertThat(d.getSequence()).isEqualTo(2);
    });
  }

  @Test
  void shouldIgnoreASnapshotOlderThanTheStoredOne() {
    ResourceSnapshot encrypted = SnapshotRecords.later(encryptedBucket(), T2);
    ResourceSnapshot olderUnencrypted = ResourceSnapshot.newBuilder(SnapshotRecords.later(encrypted, T1))
        .setSupplementaryConfiguration(unencryptedBucket().getSupplementaryConfiguration())
        .build();
    harness.send(encrypted, T2);
    harness.deltas();
    harness.send(olderUnencrypted, T2);
    assertThat(harness.deltas()).isEmpty();
  }

  @Test
  void shouldCloseEveryFindingAndForgetTheResourceWhenItIsDeleted() {
    ResourceSnapshot bucket = unencryptedBucket();
    harness.send(bucket, T1);
    List<FindingDelta> opened = harness.deltas();
    harness.send(SnapshotRecords.deleted(bucket, T2), T2);
    List<FindingDelta> closed = harness.deltas();
    assertThat(closed).extracting(FindingDelta::getFindingId)
        .containsExactlyInAnyOrderElementsOf(opened.stream()
            .filter(d -> d.getNewStatus() != FindingStatus.NOT_APPLICABLE)
            .map(FindingDelta::getFindingId).toList());
    assertThat(closed).allSatisfy(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.CLOSED);
      assertThat(d.getNewStatus()).isNull();
      assertThat(d.getReason()).contains("resource deleted");
    });
    assertThat(harness.resourceStore()).isEmpty();
    assertThat(harness.finalStates()).allSatisfy((id, finding) -> assertThat(finding).isNull());
  }

  @Test
  void shouldPublishTheCurrentStatusOfEveryFindingToTheCompactedStateTopic() {
    ResourceSnapshot bucket = unencryptedBucket();
    harness.send(bucket, T1);
    var states = harness.finalStates();
    assertThat(states.values()).anySatisfy(f -> {
      assertThat(f.getPractice()).isEqualTo(10);
      assertThat(f.getStatus()).isEqualTo(FindingStatus.FAIL);
      assertThat(f.getResourceKey()).isEqualTo(SnapshotRecords.key(bucket));
      assertThat(f.getFirstSeenAt()).isEqualTo(T1);
    });
  }

  @Test
  void shouldEmitRegressionWhenAnAccessKeyTurnsNinetyOneDaysOldWithNoNewInput() {
    // The fixture's key is 89 days 23 hours old at the fixture's instant.
    var fixture = io.compliancestreams.streams.practices.PracticeFixtures.load(3, "pass-boundary-89-days-23-hours.json");
    ResourceSnapshot credentials = SnapshotRecords.of(fixture.items().get(0));
    harness.send(credentials, fixture.at());
    assertThat(harness.deltasOf(3)).extracting(FindingDelta::getNewStatus).containsExactly(FindingStatus.PASS);
    // Wall-clock time moves (the driver started at 2026-06-01); nothing else arrives.
    Duration untilDeadline = Duration.between(TopologyHarness.START, fixture.at().plus(Duration.ofHours(2)));
    harness.tick(untilDeadline.isNegative() ? Duration.ofHours(2) : untilDeadline);
    assertThat(harness.deltasOf(3)).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.REGRESSED);
      assertThat(d.getTrigger().getKind()).isEqualTo(TriggerKind.TIMER);
      assertThat(d.getReason()).contains("older than 90 days");
    });
  }
}
