package io.compliancestreams.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.PracticeCatalogue;
import io.compliancestreams.streams.state.StateStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** docs/streams.md describes the real topology: every store, source topic and sub-topology. */
class TopologyDescriptionTest {

  @Test
  void shouldDocumentEveryStoreAndSubTopology() throws IOException {
    TopologyDescription description = new ComplianceTopology(
        StreamsSettings.defaults("unused:9092", "unused"), PracticeCatalogue.all()).build().describe();
    Files.writeString(Path.of("target", "topology.txt"), description.toString());
    String doc = Files.readString(Path.of("..", "docs", "streams.md"));
    List<String> missing = new ArrayList<>();
    java.util.Set<String> stores = new java.util.TreeSet<>(List.of(StateStores.RESOURCE_STATE,
        StateStores.RESOURCE_RECHECKS, StateStores.SCOPE_ITEMS, StateStores.SCOPE_STATE, StateStores.SCOPE_DIRTY,
        StateStores.SCOPE_RECHECKS, StateStores.SEEN_EVENTS, StateStores.FINDING_HISTORY,
        StateStores.POSTURE_TREND, StateStores.POSTURE_TREND_MEMBERS, StateStores.RECENT_EVENTS,
        StateStores.SCOPE_RECENT_EVENTS, StateStores.ALIASES, StateStores.SUPPRESSIONS));
    // and whatever store the topology really has, so a new one cannot go undocumented
    description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> {
      if (node instanceof TopologyDescription.Processor p) {
        stores.addAll(p.stores());
      }
    }));
    description.globalStores().forEach(g -> stores.addAll(g.processor().stores()));
    for (String store : stores) {
      if (!doc.contains("`" + store + "`")) {
        missing.add("store " + store);
      }
    }
    for (TopologyDescription.Subtopology sub : description.subtopologies()) {
      if (!doc.contains("Sub-topology " + sub.id())) {
        missing.add("sub-topology " + sub.id());
      }
    }
    assertThat(missing).isEmpty();
    assertThat(description.subtopologies()).hasSize(2);
    assertThat(description.globalStores()).hasSize(2);
  }
}
