package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void shouldCreateTheScanInventoryTopicCompactedUnderThePrefix() {
    Topics topics = new Topics("prod.");

    assertThat(topics.inventory()).isEqualTo("prod.compliance.scan.inventory.v1");
    assertThat(topics.byName(Topics.INVENTORY)).isEqualTo(topics.inventory());
    assertThat(topics.specs()).filteredOn(spec -> spec.name().equals(topics.inventory())).singleElement()
        .satisfies(spec -> assertThat(spec.configs()).containsExactly(Map.entry("cleanup.policy", "compact")));
  }
}
