package io.compliancestreams.ingest.collect.services.ec2;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** The EC2 collectors, in a stable order. */
public final class Ec2Collectors {

  /** Default DescribeX page size; EC2 accepts 5 to 1000 for these calls. */
  static final int PAGE_SIZE = 500;

  private Ec2Collectors() {}

  public static List<Collector> all() {
    return List.of(
        new VolumeCollector(PAGE_SIZE),
        new VpcCollector(PAGE_SIZE),
        new SecurityGroupCollector(PAGE_SIZE),
        new EbsEncryptionByDefaultCollector(),
        new SnapshotCollector(PAGE_SIZE));
  }
}
