package io.compliancestreams.ingest.collect.cloudtrail;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** The CloudTrail collectors, both REGIONAL. */
public final class CloudTrailCollectors {

  private CloudTrailCollectors() {}

  public static List<Collector> all() {
    return List.of(new TrailCollector(), TrailsInRegion.collector());
  }
}
