package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.TriggerKind;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.state.ResourceState;
import io.compliancestreams.streams.state.StoredResource;
import io.compliancestreams.streams.state.StoredResourceSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The skip of unchanged snapshots: a re-sent resource whose content is the stored one costs a
 * header update only, and nothing the full evaluation guaranteed is lost (ordering guard, new
 * practices, old state values, time-based rechecks).
 */
class UnchangedSnapshotTopologyTest {

  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");
  private static final Instant T2 = Instant.parse("2026-06-01T02:00:00Z");
  private static final Instant T3 = Instant.parse("2026-06-01T03:00:00Z");
  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  private static ResourceSnapshot unencryptedBucket() {
    return TopologyHarness.fixture(10, "fail-no-encryption-rule.json").get(0);
  }

  private static ResourceSnapshot encryptedBucket(ResourceSnapshot like) {
    return ResourceSnapshot.newBuilder(like)
        .setSupplementaryConfiguration(TopologyHarness.fixture(10, "pass-sse-s3-default.json").get(0)
            .getSupplementaryConfiguration())
        .build();
  }

  private StoredResource stored(ResourceSnapshot s) {
    return harness.rawResourceStore().get(SnapshotRecords.key(s));
  }

  @Test
  void shouldOnlyAdvanceTheCaptureTimeWhenTheContentIsUnchanged() {
    ResourceSnapshot bucket = SnapshotRecords.later(unencryptedBucket(), T1);
    harness.send(bucket, T1);
    assertThat(harness.deltasOf(10)).hasSize(1);
    harness.finalStates();
    StoredResource before = stored(bucket);

    harness.send(SnapshotRecords.later(bucket, T2), T2);

    assertThat(harness.deltas()).isEmpty();
    assertThat(harness.finalStates()).isEmpty();
    StoredResource after = stored(bucket);
    assertThat(after.captureTime()).isEqualTo(T2);
    assertThat(after.configurationStateId()).isEqualTo(Long.toString(T2.toEpochMilli()));
    // Findings, evaluation time and item are the same bytes: nothing was evaluated or re-encoded.
    assertThat(after.body()).isEqualTo(before.body());
    assertThat(after.contentHash()).isEqualTo(before.contentHash()).isNotEqualTo(StoredResource.UNKNOWN);
    // The decoded state carries the newest capture time, which events' ordering compares with.
    assertThat(after.state().item().captureTime()).isEqualTo(T2);
  }

  @Test
  void shouldRejectAnOlderSnapshotWithOtherContentArrivingAfterAnUnchangedNewerOne() {
    ResourceSnapshot bucket = SnapshotRecords.later(unencryptedBucket(), T1);
    harness.send(bucket, T1);
    harness.send(SnapshotRecords.later(bucket, T3), T3); // unchanged, skipped
    harness.deltas();

    // Captured at T2, between the two: older than the stored T3, so it must not count.
    harness.send(SnapshotRecords.later(encryptedBucket(bucket), T2), T3.plusSeconds(1));

    assertThat(harness.deltas()).isEmpty();
    assertThat(harness.resourceStore()).singleElement().satisfies(kv -> {
      assertThat(kv.value.item().captureTime()).isEqualTo(T3);
      assertThat(kv.value.findings()).anySatisfy(f -> {
        assertThat(f.practice()).isEqualTo(10);
        assertThat(f.status()).isEqualTo(io.compliancestreams.streams.practices.Status.FAIL);
      });
    });
  }

  @Test
  void shouldEvaluateAChangedSnapshotAfterSkippedOnes() {
    ResourceSnapshot bucket = SnapshotRecords.later(unencryptedBucket(), T1);
    harness.send(bucket, T1);
    harness.send(SnapshotRecords.later(bucket, T2), T2);
    harness.deltas();

    harness.send(SnapshotRecords.later(encryptedBucket(bucket), T3), T3);

    assertThat(harness.deltasOf(10)).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.RESOLVED);
      assertThat(d.getEvaluatedAt()).isEqualTo(T3);
    });
  }

  @Test
  void shouldReEvaluateAnUnchangedSnapshotWhenThePracticeCatalogueChanged() {
    ResourceSnapshot bucket = SnapshotRecords.later(unencryptedBucket(), T1);
    harness.send(bucket, T1);
    harness.deltas();
    // As if the findings had been evaluated by an older deployment that lacked practice 10.
    StoredResource current = stored(bucket);
    ResourceState s = current.state();
    ResourceState withoutPractice10 = new ResourceState(s.item(),
        s.findings().stream().filter(f -> f.practice() != 10).toList(), s.evaluatedAt(), s.recheckAt());
    long otherCatalogue = ~new PracticeIndex(PracticeCatalogue.all()).catalogueHash();
    harness.rawResourceStore().put(SnapshotRecords.key(bucket),
        StoredResource.of(withoutPractice10, current.contentHash(), otherCatalogue));

    harness.send(SnapshotRecords.later(bucket, T2), T2);

    assertThat(harness.deltasOf(10)).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.NEW);
      assertThat(d.getNewStatus()).isEqualTo(FindingStatus.FAIL);
    });
    assertThat(stored(bucket).catalogueHash()).isEqualTo(current.catalogueHash());
  }

  @Test
  void shouldSkipWithTheSameCatalogueEvenWhenTheStoredFindingsLackAPractice() {
    // The control for the test above: same edit of the store, current catalogue, no re-evaluation.
    ResourceSnapshot bucket = SnapshotRecords.later(unencryptedBucket(), T1);
    harness.send(bucket, T1);
    harness.deltas();
    StoredResource current = stored(bucket);
    ResourceState s = current.state();
    harness.rawResourceStore().put(SnapshotRecords.key(bucket), StoredResource.of(
        new ResourceState(s.item(), s.findings().stream().filter(f -> f.practice() != 10).toList(),
            s.evaluatedAt(), s.recheckAt()),
        current.contentHash(), current.catalogueHash()));

    harness.send(SnapshotRecords.later(bucket, T2), T2);

    assertThat(harness.deltas()).isEmpty();
  }

  @Test
  void shouldReadAStateValueWrittenAsJsonBeforeTheBinaryFormatAndEvaluateOnce() throws Exception {
    ResourceSnapshot bucket = SnapshotRecords.later(unencryptedBucket(), T1);
    harness.send(bucket, T1);
    harness.deltas();
    ResourceState s = stored(bucket).state();
    // What the changelog of an older version holds: the ResourceState as JSON, nothing else.
    byte[] json = new io.compliancestreams.streams.state.JsonSerde<>(ResourceState.class)
        .serializer().serialize("changelog", s);
    assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{");
    StoredResource legacy = new StoredResourceSerde().deserializer().deserialize("changelog", json);
    assertThat(legacy.contentHash()).isEqualTo(StoredResource.UNKNOWN);
    assertThat(legacy.state()).isEqualTo(s);
    harness.rawResourceStore().put(SnapshotRecords.key(bucket), legacy);

    harness.send(SnapshotRecords.later(bucket, T2), T2);

    // Evaluated (the hash was unknown): same findings, so no delta, and the value is now binary.
    assertThat(harness.deltas()).isEmpty();
    StoredResource rewritten = stored(bucket);
    assertThat(rewritten.contentHash()).isNotEqualTo(StoredResource.UNKNOWN);
    assertThat(new StoredResourceSerde().serializer().serialize("changelog", rewritten)[0])
        .isNotEqualTo((byte) '{');
    assertThat(rewritten.state().evaluatedAt()).isEqualTo(T2);
  }

  @Test
  void shouldStillRecheckATimeBasedStatusAfterSkippedSnapshots() {
    var fixture = io.compliancestreams.streams.practices.PracticeFixtures.load(3, "pass-boundary-89-days-23-hours.json");
    ResourceSnapshot credentials = SnapshotRecords.of(fixture.items().get(0));
    harness.send(credentials, fixture.at());
    assertThat(harness.deltasOf(3)).extracting(FindingDelta::getNewStatus).containsExactly(FindingStatus.PASS);
    Instant deadline = stored(credentials).recheckAt();
    assertThat(deadline).isNotNull();
    // Re-sent unchanged twice before the deadline: skipped, no delta.
    Instant captured = credentials.getCaptureTime();
    harness.send(SnapshotRecords.later(credentials, captured.plusSeconds(60)), fixture.at().plusSeconds(60));
    harness.send(SnapshotRecords.later(credentials, captured.plusSeconds(120)), fixture.at().plusSeconds(120));
    assertThat(harness.deltas()).isEmpty();
    assertThat(stored(credentials).recheckAt()).isEqualTo(deadline);

    Duration untilDeadline = Duration.between(TopologyHarness.START, fixture.at().plus(Duration.ofHours(2)));
    harness.tick(untilDeadline.isNegative() ? Duration.ofHours(2) : untilDeadline);

    assertThat(harness.deltasOf(3)).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.REGRESSED);
      assertThat(d.getTrigger().getKind()).isEqualTo(TriggerKind.TIMER);
    });
  }

  @Test
  void shouldEvaluateAnUnchangedSnapshotWhoseRecordTimeIsPastTheRecheckDeadline() {
    var fixture = io.compliancestreams.streams.practices.PracticeFixtures.load(3, "pass-boundary-89-days-23-hours.json");
    ResourceSnapshot credentials = SnapshotRecords.of(fixture.items().get(0));
    harness.send(credentials, fixture.at());
    harness.deltas();
    Instant late = fixture.at().plus(Duration.ofHours(2));

    // A replayed or late resync record past the deadline, before the punctuation ran.
    harness.send(SnapshotRecords.later(credentials, credentials.getCaptureTime().plusSeconds(60)), late);

    assertThat(harness.deltasOf(3)).singleElement().satisfies(d -> {
      assertThat(d.getChangeKind()).isEqualTo(ChangeKind.REGRESSED);
      assertThat(d.getTrigger().getKind()).isEqualTo(TriggerKind.SNAPSHOT);
      assertThat(d.getEvaluatedAt()).isEqualTo(late);
    });
  }

  @Test
  void shouldSkipEveryPracticesFixtureItemsWhenResentUnchangedAMinuteLater() throws Exception {
    int stored = 0;
    for (int practice = 1; practice <= 26; practice++) {
      java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/practices", String.format("%02d", practice));
      if (!java.nio.file.Files.isDirectory(dir)) {
        continue;
      }
      java.util.List<String> files;
      try (var list = java.nio.file.Files.list(dir)) {
        files = list.map(f -> f.getFileName().toString())
            .filter(f -> f.endsWith(".json") && !f.startsWith("error")).sorted().toList();
      }
      for (String file : files) {
        var fixture = io.compliancestreams.streams.practices.PracticeFixtures.load(practice, file);
        java.util.List<ResourceSnapshot> items = fixture.items().stream().map(SnapshotRecords::of).toList();
        // Fixtures share resource ids: start each from no stored state, as its own test would.
        items.forEach(item -> harness.rawResourceStore().delete(SnapshotRecords.key(item)));
        harness.sendAll(items, fixture.at());
        Instant resent = fixture.at().plusSeconds(60);
        java.util.Map<String, byte[]> before = new java.util.HashMap<>();
        for (ResourceSnapshot item : items) {
          StoredResource v = stored(item);
          // A boundary fixture's deadline may fall within the minute: that one is rightly evaluated.
          if (v != null && (v.recheckAt() == null || v.recheckAt().isAfter(resent))) {
            before.put(SnapshotRecords.key(item), v.body());
          }
        }
        harness.deltas();
        for (ResourceSnapshot item : items) {
          harness.send(SnapshotRecords.later(item, item.getCaptureTime().plusSeconds(60)), resent);
        }
        assertThat(harness.deltas()).as("practice %d %s", practice, file)
            .noneMatch(d -> before.containsKey(d.getResourceKey()));
        for (var e : before.entrySet()) {
          assertThat(harness.rawResourceStore().get(e.getKey()).body())
              .as("practice %d %s: %s re-evaluated", practice, file, e.getKey()).isEqualTo(e.getValue());
          stored++;
        }
      }
    }
    assertThat(stored).isGreaterThan(50);
  }
}
