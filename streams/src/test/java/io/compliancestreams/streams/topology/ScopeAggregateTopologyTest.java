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
}
