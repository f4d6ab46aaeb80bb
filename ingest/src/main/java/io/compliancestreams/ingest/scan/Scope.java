package io.compliancestreams.ingest.scan;

import java.util.Objects;

/**
 * One unit of a scan: a collector in one account and region ({@code global} for GLOBAL
 * collectors). It succeeds or fails as a whole, and deletions are derived per scope.
 */
public record Scope(String accountId, String region, String collector) {

  public Scope {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(collector, "collector");
  }

  @Override
  public String toString() {
    return accountId + "/" + region + "/" + collector;
  }
}
