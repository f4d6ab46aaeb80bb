package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.Suppression;
import io.compliancestreams.schemas.avro.TriggerKind;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A suppressed finding is still tracked; its deltas say so; expiry re-emits it unmuted. */
class SuppressionTopologyTest {

  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");
  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static Suppression mute(String id, ResourceSnapshot bucket, Instant expiresAt) {
    return Suppression.newBuilder()
        .setSuppressionId(id)
        .setFindingId(null)
        .setPractice(10)
        .setAccountId(bucket.getAccountId())
        .setRegion(null)
        .setResourceArnGlob("arn:aws:s3:::*")
        .setReason("legacy bucket, migration planned")
        .setOwner("platform-team")
        .setExpiresAt(expiresAt)
        .setCreatedAt(TopologyHarness.START)
        .build();
  }

  @Test
  void shouldMarkDeltasOfASuppressedFindingAndKeepTrackingIt() {
    ResourceSnapshot bucket = TopologyHarness.fixture(10, "fail-no-encryption-rule.json").get(0);
    harness.suppressions.pipeInput(new TestRecord<>("s-1", mute("s-1", bucket, null), T1));
    harness.send(bucket, T1);
    FindingDelta delta = harness.deltasOf(10).get(0);
    assertThat(delta.getNewStatus()).isEqualTo(FindingStatus.FAIL);
    assertThat(delta.getSuppressed()).isTrue();
    assertThat(harness.deltasOf(11)).allSatisfy(d -> assertThat(d.getSuppressed()).isFalse());
  }

  @Test
  void shouldReemitTheCurrentStatusUnmutedWhenTheSuppressionExpires() {
    ResourceSnapshot bucket = TopologyHarness.fixture(10, "fail-no-encryption-rule.json").get(0);
    Instant expiry = TopologyHarness.START.plus(Duration.ofMinutes(5));
    harness.suppressions.pipeInput(new TestRecord<>("s-1", mute("s-1", bucket, expiry), T1));
    harness.send(bucket, TopologyHarness.START);
    FindingDelta muted = harness.deltasOf(10).get(0);
    assertThat(muted.getSuppressed()).isTrue();

    harness.tick(Duration.ofMinutes(6));
    assertThat(harness.deltasOf(10)).singleElement().satisfies(d -> {
      assertThat(d.getFindingId()).isEqualTo(muted.getFindingId());
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.CHANGED);
      assertThat(d.getPreviousStatus()).isEqualTo(FindingStatus.FAIL);
      assertThat(d.getNewStatus()).isEqualTo(FindingStatus.FAIL);
      assertThat(d.getSuppressed()).isFalse();
      assertThat(d.getTrigger().getKind()).isEqualTo(TriggerKind.SUPPRESSION);
      assertThat(d.getSequence()).isEqualTo(muted.getSequence() + 1);
    });
  }

  @Test
  void shouldLiftASuppressionWhenItIsDeleted() {
    ResourceSnapshot bucket = TopologyHarness.fixture(10, "pass-sse-s3-default.json").get(0);
    harness.suppressions.pipeInput(new TestRecord<>("s-1", mute("s-1", bucket, null), T1));
    harness.suppressions.pipeInput(new TestRecord<>("s-1", (Suppression) null, T1));
    harness.send(bucket, T1);
    assertThat(harness.deltasOf(10)).singleElement()
        .satisfies(d -> assertThat(d.getSuppressed()).isFalse());
  }
}
