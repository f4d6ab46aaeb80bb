package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Account- and region-scoped practices aggregate several snapshots; the deltas must not depend on
 * the order in which those snapshots arrive.
 */
class ScopeAggregateTopologyTest {

  private static final Instant T1 = Instant.parse("2026-06-01T01:00:00Z");

  /** Every account-level snapshot of the IAM fixtures plus region-level ones of several practices. */
  private static List<ResourceSnapshot> accountContributions() {
    List<ResourceSnapshot> all = new ArrayList<>();
    all.addAll(TopologyHarness.fixture(6, "fail-virtual-mfa-on-root.json"));
    all.addAll(TopologyHarness.fixture(7, "fail-no-policy.json"));
    all.addAll(TopologyHarness.fixture(12, "pass-multi-region-trail-logging.json"));
    all.addAll(TopologyHarness.fixture(19, "fail-disabled-in-unused-region.json"));
    all.addAll(TopologyHarness.fixture(26, "fail-no-detector-in-unused-region.json"));
    return all;
  }

  private static List<String> deltasAfter(List<ResourceSnapshot> order) {
    try (TopologyHarness harness = new TopologyHarness()) {
      harness.sendAll(order, T1);
      harness.tick(Duration.ofSeconds(2));
      return harness.deltas().stream()
          .map(d -> d.getFindingId() + " " + d.getChangeKind() + " " + d.getPreviousStatus() + "→" + d.getNewStatus())
          .sorted()
          .toList();
    }
  }

  @Test
  void shouldGiveTheSameDeltasWhateverTheOrderOfContributions() {
    List<ResourceSnapshot> inputs = accountContributions();
    List<String> reference = deltasAfter(inputs);
    assertThat(reference).isNotEmpty();
    assertThat(reference).allMatch(line -> line.contains(" NEW "), "only NEW deltas, no transient flips");
    Random random = new Random(42);
    for (int i = 0; i < 5; i++) {
      List<ResourceSnapshot> shuffled = new ArrayList<>(inputs);
      Collections.shuffle(shuffled, random);
      assertThat(deltasAfter(shuffled)).as("permutation %d", i).isEqualTo(reference);
    }
    List<ResourceSnapshot> reversed = new ArrayList<>(inputs);
    Collections.reverse(reversed);
    assertThat(deltasAfter(reversed)).isEqualTo(reference);
  }

  @Test
  void shouldEvaluateTheAggregateOnlyAfterTheBurstIsQuiet() {
    try (TopologyHarness harness = new TopologyHarness()) {
      harness.sendAll(TopologyHarness.fixture(26, "fail-no-detector-in-unused-region.json"), T1);
      assertThat(harness.deltas()).as("nothing before the debounce").isEmpty();
      harness.tick(Duration.ofSeconds(1));
      List<FindingDelta> deltas = harness.deltasOf(26);
      assertThat(deltas).isNotEmpty().allSatisfy(d -> {
        assertThat(d.getResourceType()).isEqualTo("AWS::::Account");
        assertThat(d.getChangeKind()).isEqualTo(ChangeKind.NEW);
      });
      assertThat(deltas).extracting(FindingDelta::getNewStatus).contains(FindingStatus.FAIL);
    }
  }

  @Test
  void shouldKeepTheSameFinalStateWhateverTheOrder() {
    List<ResourceSnapshot> inputs = accountContributions();
    Map<String, String> reference = finalState(inputs);
    List<ResourceSnapshot> reversed = new ArrayList<>(inputs);
    Collections.reverse(reversed);
    assertThat(finalState(reversed)).isEqualTo(reference);
  }

  private static Map<String, String> finalState(List<ResourceSnapshot> order) {
    try (TopologyHarness harness = new TopologyHarness()) {
      harness.sendAll(order, T1);
      harness.tick(Duration.ofSeconds(2));
      return harness.finalStates().entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getStatus() + " " + e.getValue().getReason()));
    }
  }

  private static java.util.Map<String, Long> dirtyAccounts(TopologyHarness harness) {
    org.apache.kafka.streams.state.KeyValueStore<String, Long> store =
        harness.driver.getKeyValueStore(io.compliancestreams.streams.state.StateStores.SCOPE_DIRTY);
    java.util.Map<String, Long> all = new java.util.TreeMap<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> all.put(kv.key, kv.value));
    }
    return all;
  }

  private static List<ResourceSnapshot> resent(List<ResourceSnapshot> all, Instant at) {
    return all.stream().map(s -> SnapshotRecords.later(s, at)).toList();
  }

  @Test
  void shouldNotMarkTheAccountDirtyWhenItsContributionsAreResentUnchanged() {
    Instant t2 = T1.plus(Duration.ofHours(1));
    try (TopologyHarness harness = new TopologyHarness()) {
      List<ResourceSnapshot> inputs = resent(accountContributions(), T1);
      harness.sendAll(inputs, T1);
      harness.tick(Duration.ofSeconds(2));
      assertThat(harness.deltas()).isNotEmpty();
      assertThat(dirtyAccounts(harness)).isEmpty();

      harness.sendAll(resent(inputs, t2), t2);

      assertThat(dirtyAccounts(harness)).as("nothing to evaluate").isEmpty();
      harness.tick(Duration.ofSeconds(2));
      assertThat(harness.deltas()).isEmpty();
      // One contribution changes: the account is evaluated again.
      ResourceSnapshot changed = TopologyHarness.fixture(7, "fail-no-policy.json").get(0);
      harness.send(ResourceSnapshot.newBuilder(SnapshotRecords.later(changed, t2.plusSeconds(60)))
          .setConfiguration("{\"changed\":true}").build(), t2.plusSeconds(60));
      assertThat(dirtyAccounts(harness)).containsOnlyKeys(changed.getAccountId());
    }
  }

  @Test
  void shouldReEvaluateAnAccountWhoseFindingsAnOlderCatalogueProduced() {
    Instant t2 = T1.plus(Duration.ofHours(1));
    try (TopologyHarness harness = new TopologyHarness()) {
      List<ResourceSnapshot> inputs = resent(TopologyHarness.fixture(26, "fail-no-detector-in-unused-region.json"), T1);
      harness.sendAll(inputs, T1);
      harness.tick(Duration.ofSeconds(2));
      String account = inputs.get(0).getAccountId();
      var state = harness.scopeState(account);
      assertThat(state.catalogueHash()).isNotNull();
      // What an older version stored: no catalogue fingerprint.
      org.apache.kafka.streams.state.KeyValueStore<String, io.compliancestreams.streams.state.ScopeState> store =
          harness.driver.getKeyValueStore(io.compliancestreams.streams.state.StateStores.SCOPE_STATE);
      store.put(account, new io.compliancestreams.streams.state.ScopeState(
          state.findings(), state.evaluatedAt(), state.recheckAt(), null));

      harness.sendAll(resent(inputs, t2), t2);

      assertThat(dirtyAccounts(harness)).containsOnlyKeys(account);
      harness.tick(Duration.ofSeconds(2));
      assertThat(harness.scopeState(account).catalogueHash()).isEqualTo(state.catalogueHash());
    }
  }
}
