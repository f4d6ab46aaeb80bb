package io.compliancestreams.ingest.collect.services.guardduty;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** The GuardDuty collectors. */
public final class GuardDutyCollectors {

  /** ListDetectors accepts MaxResults 1 to 50. */
  static final int PAGE_SIZE = 50;

  private GuardDutyCollectors() {}

  public static List<Collector> all() {
    return List.of(new DetectorsCollector(PAGE_SIZE));
  }
}
