package io.compliancestreams.ingest.scan;

import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one collector in one scope: forwards what it emits, and only if it finishes without error,
 * emits a ResourceDeleted snapshot for each resource the scope reported last time and not now, then
 * records the new inventory. A failed scope derives no deletions and keeps its old inventory (an
 * AccessDenied must not look like "everything was deleted").
 */
final class ScopeRun implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ScopeRun.class);

  private final Scope scope;
  private final Collector collector;
  private final CollectContext context;
  private final ScanInventory inventory;
  private final SnapshotSink sink;
  private final ScanTally tally;
  private final ScanProgress progress;

  ScopeRun(Scope scope, Collector collector, CollectContext context, ScanInventory inventory,
      SnapshotSink sink, ScanTally tally, ScanProgress progress) {
    this.scope = scope;
    this.collector = collector;
    this.context = context;
    this.inventory = inventory;
    this.sink = sink;
    this.tally = tally;
    this.progress = progress;
  }

  @Override
  public void run() {
    progress.scopeStarted(scope);
    Map<String, ResourceSnapshot> seen = new LinkedHashMap<>();
    try {
      collector.collect(context, s -> {
        seen.put(SnapshotBuilder.keyOf(s), s);
        sink.accept(s);
      });
      for (KnownResource gone : inventory.missing(scope, seen.keySet())) {
        sink.accept(context.snapshot(gone.region(), gone.resourceType(), gone.resourceId())
            .arn(gone.arn())
            .name(gone.name())
            .deleted()
            .build());
      }
    } catch (RuntimeException e) {
      ScopeFailure failure = Failures.of(scope, e);
      tally.failed(failure);
      if (failure.denied()) {
        LOG.warn("Scope {} FAILED: {}", scope, failure.reason());
      } else {
        LOG.warn("Scope {} FAILED: {}", scope, failure.reason(), e);
      }
      progress.scopeFinished(scope, ScanProgress.Outcome.FAILED);
      return;
    }
    inventory.replace(scope, seen.values());
    tally.succeeded();
    progress.scopeFinished(scope, ScanProgress.Outcome.SUCCEEDED);
  }
}
