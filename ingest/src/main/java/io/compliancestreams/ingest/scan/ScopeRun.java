package io.compliancestreams.ingest.scan;

import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one collector in one scope: forwards what it emits, and only if it finishes without error,
 * emits a ResourceDeleted snapshot for each resource the scope reported last time and not now, then
 * records the new inventory. A failed scope derives no deletions and keeps its old inventory (an
 * AccessDenied must not look like "everything was deleted").
 *
 * <p>The inventory says what the topology was told, so it is recorded only after the sink
 * acknowledged the scope's snapshots, and holds only what was acknowledged: a new resource whose
 * snapshot was lost is not recorded (its deletion would mean nothing downstream; the next scan
 * sends it again), and a known resource whose snapshot or deletion was lost keeps its old entry
 * (so the next scan still derives its deletion).
 */
final class ScopeRun implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(ScopeRun.class);

  private final Scope scope;
  private final Collector collector;
  private final CollectContext context;
  private final ScanInventory inventory;
  private final ScanSink sink;
  private final ScanTally tally;
  private final ScanProgress progress;

  ScopeRun(Scope scope, Collector collector, CollectContext context, ScanInventory inventory,
      ScanSink sink, ScanTally tally, ScanProgress progress) {
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
    List<Sent> sent = new ArrayList<>();
    RuntimeException error = null;
    try {
      collector.collect(context, s -> {
        String key = SnapshotBuilder.keyOf(s);
        seen.put(key, s);
        sent.add(new Sent(key, sink.publish(s)));
      });
      for (KnownResource gone : inventory.missing(scope, seen.keySet())) {
        sent.add(new Sent(gone.key(), sink.publish(context.snapshot(gone.region(), gone.resourceType(),
                gone.resourceId())
            .arn(gone.arn())
            .name(gone.name())
            .deleted()
            .build())));
      }
    } catch (RuntimeException e) {
      error = e;
    }
    // Also for a failed scope: the scan's counts are final only once every send has completed.
    Set<String> lost = unacknowledged(sent);
    if (error != null) {
      ScopeFailure failure = Failures.of(scope, error);
      tally.failed(failure);
      if (failure.denied()) {
        LOG.warn("Scope {} FAILED: {}", scope, failure.reason());
      } else {
        LOG.warn("Scope {} FAILED: {}", scope, failure.reason(), error);
      }
      progress.scopeFinished(scope, ScanProgress.Outcome.FAILED);
      return;
    }
    List<ResourceSnapshot> acknowledged = seen.entrySet().stream()
        .filter(e -> !lost.contains(e.getKey())).map(Map.Entry::getValue).toList();
    inventory.replace(scope, acknowledged, lost);
    tally.succeeded();
    progress.scopeFinished(scope, ScanProgress.Outcome.SUCCEEDED);
  }

  /** Waits for every send; returns the keys whose snapshot was not acknowledged. */
  private static Set<String> unacknowledged(List<Sent> sent) {
    Set<String> lost = new HashSet<>();
    boolean interrupted = false;
    for (Sent s : sent) {
      if (interrupted) {
        // Shutting down: what has not completed yet counts as lost, never as known.
        if (!s.acked().isDone() || s.acked().isCompletedExceptionally()) {
          lost.add(s.key());
        }
        continue;
      }
      try {
        s.acked().get();
      } catch (ExecutionException e) {
        lost.add(s.key());
      } catch (InterruptedException e) {
        interrupted = true;
        lost.add(s.key());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return lost;
  }
}
