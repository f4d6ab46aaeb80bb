package io.compliancestreams.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.Collectors;
import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The practices and the collectors agree on the snapshot types: every type a practice reads has a
 * collector, and every collector produces something a practice reads (both sides take the names
 * from schemas' ResourceTypes; this checks that they take the same ones).
 */
class CollectorCoverageTest {

  private static Set<String> collected() {
    Set<String> types = new TreeSet<>();
    for (Collector c : Collectors.all()) {
      types.addAll(c.resourceTypes());
    }
    return types;
  }

  private static Set<String> read() {
    Set<String> types = new TreeSet<>();
    for (Practice p : PracticeCatalogue.all()) {
      types.addAll(p.metadata().resourceTypes());
    }
    return types;
  }

  @Test
  void shouldHaveACollectorForEveryTypeAPracticeReads() {
    Set<String> missing = new TreeSet<>(read());
    missing.removeAll(collected());
    // AWS Config's own GuardDuty detector item only arrives through the AWS Config source; our
    // per-region Detectors extension decides absence (see schemas/README.md).
    missing.remove(ResourceTypes.GUARDDUTY_DETECTOR);
    assertThat(missing).isEmpty();
  }

  @Test
  void shouldNotCollectTypesNoPracticeReads() {
    Set<String> unused = new TreeSet<>(collected());
    unused.removeAll(read());
    assertThat(unused).isEmpty();
  }
}
