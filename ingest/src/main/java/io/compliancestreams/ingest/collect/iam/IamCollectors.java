package io.compliancestreams.ingest.collect.iam;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** The IAM collectors, all GLOBAL (once per account). */
public final class IamCollectors {

  private IamCollectors() {}

  /** The largest page IAM allows (MaxItems 1000): pages are calls, and a scan pays per call. */
  static final int LARGEST_PAGE = 1000;

  /** With IAM's largest pages. */
  public static List<Collector> all() {
    return all(LARGEST_PAGE);
  }

  /** @param pageSize MaxItems for every paginated IAM call, or null for IAM's default, 100 (tests use 2) */
  public static List<Collector> all(Integer pageSize) {
    return List.of(
        new PolicyCollector(pageSize),
        new UserCollector(pageSize),
        new UserCredentialsCollector(pageSize),
        AccountFacts.accountSummary(),
        AccountFacts.virtualMfaDevices(pageSize),
        AccountFacts.passwordPolicy());
  }
}
