package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.Suppression;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.query.HistoryEntry;
import io.compliancestreams.streams.query.TrendCounts;
import io.compliancestreams.streams.state.StateStores;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The posture trend store, read back from the deltas: net changes of the failing (FAIL, not
 * suppressed) and error counts per minute, adding up to the live count, and the time
 * in violation carried by the delta that ends a failure.
 */
class PostureTrendTopologyTest {

  private static final String SEVERITY = PracticeCatalogue.all().stream().filter(p -> p.number() == 10)
      .findFirst().orElseThrow().metadata().severity().name();
  private static final Instant T1 = TopologyHarness.START.plus(Duration.ofMinutes(10)).plusSeconds(17);
  private static final Instant T2 = TopologyHarness.START.plus(Duration.ofMinutes(3 * 60 + 12)).plusSeconds(40);

  private final TopologyHarness harness = new TopologyHarness();
  private final ResourceSnapshot encrypted = TopologyHarness.fixture(10, "pass-sse-s3-default.json").get(0);
  /** The same bucket without default encryption: only practice 10 changes. */
  private final ResourceSnapshot unencrypted = withoutEncryption(encrypted);
  private final Map<String, Finding> live = new HashMap<>();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void shouldCountAFailureInItsMinuteAndUncountItWhenResolved() {
    send(encrypted, TopologyHarness.START);
    TrendCounts atStart = total();
    send(unencrypted, T1);
    send(encrypted, T2);

    assertThat(bucket(T1)).isEqualTo(TrendCounts.one(SEVERITY));
    assertThat(bucket(T2)).isEqualTo(TrendCounts.ZERO.minus(TrendCounts.one(SEVERITY)));
    assertThat(total()).isEqualTo(atStart).isEqualTo(liveCount());
    assertThat(members()).doesNotContainKey(findingOf10());
  }

  @Test
  void shouldAddUpToTheLiveFailingCount() {
    send(unencrypted, TopologyHarness.START);
    assertThat(total()).isEqualTo(liveCount());
    assertThat(members()).containsEntry(findingOf10(), SEVERITY);
    send(encrypted, T1);
    assertThat(total()).isEqualTo(liveCount());
    send(unencrypted, T2);
    assertThat(total()).isEqualTo(liveCount());
  }

  @Test
  void shouldNotCountASuppressedFailureUntilTheSuppressionExpires() {
    Instant expiry = TopologyHarness.START.plus(Duration.ofMinutes(5));
    harness.suppressions.pipeInput(new TestRecord<>("s-1", mute(expiry), TopologyHarness.START));
    send(encrypted, TopologyHarness.START);
    TrendCounts before = total();
    send(unencrypted, TopologyHarness.START.plusSeconds(30));
    assertThat(total()).isEqualTo(before);
    assertThat(members()).doesNotContainKey(findingOf10());

    harness.tick(Duration.ofMinutes(6));
    List<FindingDelta> unmuted = harness.deltasOf(10);
    assertThat(unmuted).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.CHANGED);
      assertThat(d.getSuppressed()).isFalse();
    });
    assertThat(total()).isEqualTo(before.plus(TrendCounts.one(SEVERITY)));
    assertThat(bucket(unmuted.get(0).getEvaluatedAt())).isEqualTo(TrendCounts.one(SEVERITY));
  }

  @Test
  void shouldMoveAFailureToTheErrorsWhenItsEvaluationFailsAndEndItOnPass() {
    send(encrypted, TopologyHarness.START);
    TrendCounts atStart = total();
    send(unencrypted, T1);
    List<FindingDelta> error = send(withEncryptionOf(encrypted, "error-rules-not-an-array.json"), T1.plusSeconds(60));
    assertThat(error).singleElement().satisfies(d -> assertThat(d.getNewStatus()).isEqualTo(FindingStatus.ERROR));
    assertThat(bucket(T1.plusSeconds(60)))
        .isEqualTo(TrendCounts.one(TrendCounts.ERROR).minus(TrendCounts.one(SEVERITY)));
    assertThat(members()).containsEntry(findingOf10(), TrendCounts.ERROR);
    assertThat(total()).isEqualTo(liveCount());

    List<FindingDelta> pass = send(encrypted, T2);
    assertThat(pass).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.CHANGED);
      assertThat(d.getFailingSince()).as("the failure began at the FAIL, not the ERROR").isEqualTo(T1);
      assertThat(d.getFailedForMillis()).isEqualTo(Duration.between(T1, T2).toMillis());
    });
    assertThat(total()).isEqualTo(atStart).isEqualTo(liveCount());
  }

  @Test
  void shouldCarryTheTimeInViolationOnResolvedIntoTheDeltaAndTheHistory() {
    send(encrypted, TopologyHarness.START);
    send(unencrypted, T1);
    List<FindingDelta> resolved = send(encrypted, T2);

    assertThat(resolved).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.RESOLVED);
      assertThat(d.getFailingSince()).isEqualTo(T1);
      assertThat(d.getFailedForMillis()).isEqualTo(Duration.between(T1, T2).toMillis());
    });
    KeyValueStore<String, HistoryEntry> history = harness.driver.getKeyValueStore(StateStores.FINDING_HISTORY);
    HistoryEntry entry = history.get(StateStores.historyKey(findingOf10(), resolved.get(0).getSequence()));
    assertThat(entry.failingSince()).isEqualTo(T1);
    assertThat(entry.failedForMillis()).isEqualTo(Duration.between(T1, T2).toMillis());
    HistoryEntry regressed = history.get(StateStores.historyKey(findingOf10(), resolved.get(0).getSequence() - 1));
    assertThat(regressed.failingSince()).isNull();
    assertThat(regressed.failedForMillis()).isNull();
  }

  @Test
  void shouldPurgeMinutesOlderThanTheRetention() {
    send(unencrypted, TopologyHarness.START);
    assertThat(bucket(TopologyHarness.START)).isEqualTo(TrendCounts.one(SEVERITY));
    Instant later = TopologyHarness.START.plus(PostureTrendRecorder.RETENTION).plus(Duration.ofHours(1));
    harness.tick(PostureTrendRecorder.RETENTION.plus(Duration.ofMinutes(30)));
    send(encrypted, later);
    harness.tick(Duration.ofHours(1));

    assertThat(bucket(TopologyHarness.START)).isNull();
    assertThat(bucket(later)).isEqualTo(TrendCounts.ZERO.minus(TrendCounts.one(SEVERITY)));
  }

  /** Sends a snapshot of the bucket, remembers the finding states it produced, returns practice 10's deltas. */
  private List<FindingDelta> send(ResourceSnapshot variant, Instant at) {
    harness.send(ResourceSnapshot.newBuilder(SnapshotRecords.later(encrypted, at))
        .setSupplementaryConfiguration(variant.getSupplementaryConfiguration()).build(), at);
    live.putAll(harness.finalStates());
    live.values().removeIf(f -> f == null);
    return harness.deltasOf(10);
  }

  /** The count /api/posture would show, from the finding state topic: FAIL or ERROR, not suppressed. */
  private TrendCounts liveCount() {
    TrendCounts sum = TrendCounts.ZERO;
    for (Finding f : live.values()) {
      sum = sum.plus(TrendCounts.one(TrendCounts.categoryOf(f.getStatus().name(), f.getSeverity().name(),
          f.getSuppressed())));
    }
    return sum;
  }

  private String findingOf10() {
    return live.values().stream().filter(f -> f.getPractice() == 10).findFirst().orElseThrow().getFindingId();
  }

  /** Every minute's net change added up: what the deltas say is failing now. */
  private TrendCounts total() {
    TrendCounts sum = TrendCounts.ZERO;
    try (var it = trend().all()) {
      while (it.hasNext()) {
        sum = sum.plus(it.next().value);
      }
    }
    return sum;
  }

  private TrendCounts bucket(Instant at) {
    long minute = at.toEpochMilli() / 60_000 * 60_000;
    return trend().get(StateStores.trendBucketKey(minute));
  }

  private KeyValueStore<String, TrendCounts> trend() {
    return harness.driver.getKeyValueStore(StateStores.POSTURE_TREND);
  }

  private Map<String, String> members() {
    KeyValueStore<String, String> store = harness.driver.getKeyValueStore(StateStores.POSTURE_TREND_MEMBERS);
    Map<String, String> all = new HashMap<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> all.put(kv.key, kv.value));
    }
    return all;
  }

  /** The bucket with the encryption configuration of another practice-10 fixture. */
  private static ResourceSnapshot withEncryptionOf(ResourceSnapshot s, String fixture) {
    Map<String, String> supplementary = new HashMap<>(s.getSupplementaryConfiguration());
    supplementary.put("ServerSideEncryptionConfiguration", TopologyHarness.fixture(10, fixture).get(0)
        .getSupplementaryConfiguration().get("ServerSideEncryptionConfiguration"));
    return ResourceSnapshot.newBuilder(s).setSupplementaryConfiguration(supplementary).build();
  }

  private static ResourceSnapshot withoutEncryption(ResourceSnapshot s) {
    Map<String, String> supplementary = new HashMap<>(s.getSupplementaryConfiguration());
    assertThat(supplementary.remove("ServerSideEncryptionConfiguration")).isNotNull();
    return ResourceSnapshot.newBuilder(s).setSupplementaryConfiguration(supplementary).build();
  }

  private Suppression mute(Instant expiresAt) {
    return Suppression.newBuilder()
        .setSuppressionId("s-1")
        .setFindingId(null)
        .setPractice(10)
        .setAccountId(encrypted.getAccountId())
        .setRegion(null)
        .setResourceArnGlob("arn:aws:s3:::*")
        .setReason("legacy bucket, migration planned")
        .setOwner("platform-team")
        .setExpiresAt(expiresAt)
        .setCreatedAt(TopologyHarness.START)
        .build();
  }
}
