package io.compliancestreams.ingest.scan;

import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * The regions enabled for an account: every region DescribeRegions lists whose opt-in status is
 * not {@code not-opted-in} (regions enabled by default say {@code opt-in-not-required}, enabled
 * opt-in regions {@code opted-in}).
 */
final class EnabledRegions {

  private EnabledRegions() {}

  static List<String> of(Ec2Client ec2) {
    return ec2.describeRegions(r -> r.allRegions(true)).regions().stream()
        .filter(r -> !"not-opted-in".equals(r.optInStatus()))
        .map(Region::regionName)
        .sorted()
        .toList();
  }
}
