package io.compliancestreams.ingest.scan;

import java.util.List;
import java.util.Objects;

/**
 * How to scan.
 *
 * @param regions the regions to scan; empty = every enabled region of each account (EC2
 *     DescribeRegions, opt-in status not {@code not-opted-in})
 * @param threads how many scopes run at once (the scan's thread pool)
 * @param homeRegion where account-wide calls go: STS, DescribeRegions and the GLOBAL collectors
 */
public record ScanOptions(List<String> regions, int threads, String homeRegion) {

  public ScanOptions {
    regions = List.copyOf(regions);
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    Objects.requireNonNull(homeRegion, "homeRegion");
  }

  /** Every enabled region, 4 threads, home region us-east-1. */
  public static ScanOptions defaults() {
    return new ScanOptions(List.of(), 4, "us-east-1");
  }

  public ScanOptions withRegions(List<String> value) {
    return new ScanOptions(value, threads, homeRegion);
  }

  public ScanOptions withThreads(int value) {
    return new ScanOptions(regions, value, homeRegion);
  }

  public ScanOptions withHomeRegion(String value) {
    return new ScanOptions(regions, threads, value);
  }
}
