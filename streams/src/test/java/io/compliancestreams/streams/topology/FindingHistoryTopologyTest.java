package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.query.HistoryEntry;
import io.compliancestreams.streams.state.StateStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each finding's history, read back from the delta topic: complete, ordered, bounded. */
class FindingHistoryTopologyTest {

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void shouldKeepEveryDeltaOfAFindingInSequenceWithItsResourceAndCause() {
    List<FindingDelta> sent = flip(3);

    List<HistoryEntry> history = history(sent.get(0).getFindingId());

    assertThat(history).extracting(HistoryEntry::deltaId)
        .containsExactlyElementsOf(sent.stream().map(FindingDelta::getDeltaId).toList());
    assertThat(history).extracting(HistoryEntry::changeKind).containsExactly("NEW", "REGRESSED", "RESOLVED");
    assertThat(history).extracting(HistoryEntry::newStatus).containsExactly("PASS", "FAIL", "PASS");
    assertThat(history.get(1)).satisfies(e -> {
      assertThat(e.previousStatus()).isEqualTo("PASS");
      assertThat(e.reason()).isEqualTo(sent.get(1).getReason());
      assertThat(e.resourceKey()).isEqualTo(sent.get(1).getResourceKey());
      assertThat(e.resourceArn()).isEqualTo(sent.get(1).getResourceArn());
      assertThat(e.controlId()).isEqualTo("S3.4");
      assertThat(e.triggerKind()).isEqualTo("SNAPSHOT");
      assertThat(e.evaluatedAt()).isEqualTo(sent.get(1).getEvaluatedAt());
    });
  }

  @Test
  void shouldKeepOnlyTheLastHundredDeltasOfAFinding() {
    List<FindingDelta> sent = flip(FindingHistoryRecorder.PER_FINDING + 5);

    List<HistoryEntry> history = history(sent.get(0).getFindingId());

    assertThat(history).hasSize(FindingHistoryRecorder.PER_FINDING);
    assertThat(history.get(0).sequence()).isEqualTo(6);
    assertThat(history.get(history.size() - 1).sequence()).isEqualTo(FindingHistoryRecorder.PER_FINDING + 5);
  }

  /** {@code changes} deltas of practice 10 on one bucket: encrypted, then not, then again, ... */
  private List<FindingDelta> flip(int changes) {
    ResourceSnapshot encrypted = TopologyHarness.fixture(10, "pass-sse-s3-default.json").get(0);
    ResourceSnapshot unencrypted = TopologyHarness.fixture(10, "fail-no-encryption-rule.json").get(0);
    List<FindingDelta> sent = new ArrayList<>();
    Instant at = TopologyHarness.START;
    for (int i = 0; i < changes; i++) {
      at = at.plusSeconds(60);
      ResourceSnapshot next = ResourceSnapshot.newBuilder(SnapshotRecords.later(encrypted, at))
          .setSupplementaryConfiguration((i % 2 == 0 ? encrypted : unencrypted).getSupplementaryConfiguration())
          .build();
      harness.send(next, at);
      sent.addAll(harness.deltasOf(10));
    }
    assertThat(sent).hasSize(changes);
    return sent;
  }

  private List<HistoryEntry> history(String findingId) {
    KeyValueStore<String, HistoryEntry> store = harness.driver.getKeyValueStore(StateStores.FINDING_HISTORY);
    List<HistoryEntry> all = new ArrayList<>();
    try (KeyValueIterator<String, HistoryEntry> it = store.range(StateStores.historyKey(findingId, 0),
        StateStores.historyKey(findingId, Long.MAX_VALUE))) {
      it.forEachRemaining(kv -> all.add(kv.value));
    }
    return all;
  }
}
