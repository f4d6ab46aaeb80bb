package io.compliancestreams.ingest.collect.services.dms;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** The DMS collectors. */
public final class DmsCollectors {

  /** DescribeReplicationInstances accepts MaxRecords 20 to 100. */
  static final int PAGE_SIZE = 100;

  private DmsCollectors() {}

  public static List<Collector> all() {
    return List.of(new ReplicationInstanceCollector(PAGE_SIZE));
  }
}
