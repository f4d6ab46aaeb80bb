package io.compliancestreams.ingest.collect;

import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.SnapshotSource;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What a collector runs with: the account and region, the AWS clients for that region, the clock
 * (capture time), and the scan id and source stamped on every snapshot.
 *
 * @param region the AWS region, for REGIONAL collectors; the home region of the account's API
 *     calls for GLOBAL ones (their snapshots use region {@code global})
 * @param scanRegions every region this scan covers in the account, or empty when not known (a
 *     targeted rescan): a collector whose resource is seen from several regions (a multi-region
 *     trail) uses it to emit that resource once even when its home region is not scanned
 */
public record CollectContext(
    String accountId, String region, AwsClients clients, Clock clock, String scanId, SnapshotSource source,
    List<String> scanRegions) {

  public CollectContext {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(source, "source");
    scanRegions = List.copyOf(scanRegions);
  }

  /** A context that does not know the scan's other regions (rescans, single-region tests). */
  public CollectContext(
      String accountId, String region, AwsClients clients, Clock clock, String scanId, SnapshotSource source) {
    this(accountId, region, clients, clock, scanId, source, List.of());
  }

  /** A snapshot builder with this context's account, capture time and source filled in. */
  public SnapshotBuilder snapshot(String snapshotRegion, String resourceType, String resourceId) {
    return SnapshotBuilder.of(accountId, snapshotRegion, resourceType, resourceId)
        .capturedAt(clock.instant())
        .source(source, scanId);
  }
}
