package io.compliancestreams.ingest.scan;

import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resources each scope reported in its last successful scan, keyed by the canonical resource
 * key: what the next scan of that scope compares with to find deletions. Thread-safe; in memory
 * (a process that restarts starts with none and so derives no deletions in its first scan).
 */
public final class ScanInventory {

  private final Map<Scope, Map<String, KnownResource>> byScope = new ConcurrentHashMap<>();

  /** The resource keys the scope reported last time it succeeded (empty if never). */
  public Set<String> keys(Scope scope) {
    return Set.copyOf(byScope.getOrDefault(scope, Map.of()).keySet());
  }

  /** Resources the scope reported last time and not among {@code current} keys. */
  List<KnownResource> missing(Scope scope, Set<String> current) {
    return byScope.getOrDefault(scope, Map.of()).entrySet().stream()
        .filter(e -> !current.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** Records what a succeeded scope reported, replacing the previous scan's. */
  void replace(Scope scope, Collection<ResourceSnapshot> reported) {
    Map<String, KnownResource> now = new LinkedHashMap<>();
    reported.forEach(s -> now.put(SnapshotBuilder.keyOf(s), KnownResource.of(s)));
    byScope.put(scope, Map.copyOf(now));
  }
}
