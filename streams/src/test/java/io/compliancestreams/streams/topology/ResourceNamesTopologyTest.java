package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deltas name the resource as people know it (issue 14, item 4), the id staying beside it. */
class ResourceNamesTopologyTest {

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void shouldCarryAnIamUsersNameBesideItsOpaqueId() {
    ResourceSnapshot user = TopologyHarness.fixture(2, "fail-attached-managed-policy.json").get(0);
    assertThat(user.getResourceName()).isNotEqualTo(user.getResourceId());

    harness.send(user, Instant.parse("2026-06-01T01:00:00Z"));

    assertThat(harness.deltasOf(2)).singleElement().satisfies(d -> {
      assertThat(d.getResourceId()).isEqualTo(user.getResourceId());
      assertThat(d.getResourceName()).isEqualTo(user.getResourceName());
    });
  }

  @Test
  void shouldLeaveTheNameOutWhenItIsTheIdAgain() {
    ResourceSnapshot bucket = TopologyHarness.fixture(10, "fail-no-encryption-rule.json").get(0);

    harness.send(bucket, Instant.parse("2026-06-01T01:00:00Z"));

    assertThat(harness.deltasOf(10)).extracting(FindingDelta::getResourceName).containsOnlyNulls();
  }
}
