package io.compliancestreams.ingest.scan;

import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.concurrent.CompletableFuture;

/**
 * Where a publishing scan sends its snapshots. The future completes when the snapshot is safely
 * stored (the broker acknowledged it) or fails: the scan counts a snapshot, and records its
 * resource in the inventory, only once its future completed normally. {@code Publisher::snapshot}
 * is one.
 */
@FunctionalInterface
public interface ScanSink {

  CompletableFuture<Void> publish(ResourceSnapshot snapshot);
}
