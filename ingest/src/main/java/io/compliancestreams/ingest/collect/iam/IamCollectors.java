package io.compliancestreams.ingest.collect.iam;

import io.compliancestreams.ingest.collect.Collector;
import java.util.List;

/** The IAM collectors, all GLOBAL (once per account). */
public final class IamCollectors {

  private IamCollectors() {}

  /** With IAM's default page sizes. */
  public static List<Collector> all() {
    return all(null);
  }

  /** @param pageSize MaxItems for every paginated IAM call, or null for IAM's default (tests use 2) */
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
