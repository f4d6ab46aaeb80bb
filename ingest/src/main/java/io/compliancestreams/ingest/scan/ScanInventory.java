package io.compliancestreams.ingest.scan;

import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resources each scope reported in its last successful scan, keyed by the canonical resource
 * key: what the next scan of that scope compares with to find deletions. Thread-safe. Held in
 * memory; every change goes to an {@link InventoryJournal}, from which a restarted process
 * {@link #restore restores} it (without one, a restarted process starts with none and so derives no
 * deletions in its first scan).
 */
public final class ScanInventory {

  private final Map<Scope, Map<String, KnownResource>> byScope = new ConcurrentHashMap<>();
  private final InventoryJournal journal;

  /** An inventory kept in memory only. */
  public ScanInventory() {
    this(InventoryJournal.NONE);
  }

  public ScanInventory(InventoryJournal journal) {
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /** The resource keys the scope reported last time it succeeded (empty if never). */
  public Set<String> keys(Scope scope) {
    return Set.copyOf(byScope.getOrDefault(scope, Map.of()).keySet());
  }

  /** What the scope reported last time it succeeded, by canonical resource key (empty if never). */
  public Map<String, KnownResource> resources(Scope scope) {
    return byScope.getOrDefault(scope, Map.of());
  }

  /** The scopes with a recorded inventory. */
  public Set<Scope> scopes() {
    return Set.copyOf(byScope.keySet());
  }

  /** Resources the scope reported last time and not among {@code current} keys. */
  List<KnownResource> missing(Scope scope, Set<String> current) {
    return byScope.getOrDefault(scope, Map.of()).entrySet().stream()
        .filter(e -> !current.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  /**
   * Records what a succeeded scope reported, replacing the previous scan's, and tells the journal
   * what changed (a scope never recorded before: everything it reported).
   */
  void replace(Scope scope, Collection<ResourceSnapshot> reported) {
    replace(scope, reported, Set.of());
  }

  /**
   * Records what a succeeded scope reported and had acknowledged ({@code acknowledged}), keeping
   * the previous entry of each resource in {@code lost} (a snapshot or deletion that was not
   * acknowledged): the topology was not told about it, so the inventory must still say what it was
   * told before. A resource in {@code lost} with no previous entry is not recorded.
   */
  void replace(Scope scope, Collection<ResourceSnapshot> acknowledged, Set<String> lost) {
    Map<String, KnownResource> previous = byScope.getOrDefault(scope, Map.of());
    Map<String, KnownResource> now = new LinkedHashMap<>();
    acknowledged.forEach(s -> {
      KnownResource resource = KnownResource.of(s);
      now.put(resource.key(), resource);
    });
    lost.forEach(key -> {
      KnownResource before = previous.get(key);
      if (before != null) {
        now.put(key, before);
      }
    });
    Map<String, KnownResource> before = byScope.put(scope, Map.copyOf(now));
    InventoryChange change = InventoryChange.between(scope, before == null ? Map.of() : before, now);
    if (!change.isEmpty()) {
      journal.record(change);
    }
  }

  /**
   * Sets a scope's inventory to what a journal kept, without telling the journal (it has it
   * already). For the start of a process, before its first scan.
   */
  public void restore(Scope scope, Collection<KnownResource> resources) {
    Map<String, KnownResource> restored = new LinkedHashMap<>();
    resources.forEach(r -> restored.put(r.key(), r));
    byScope.put(scope, Map.copyOf(restored));
  }
}
