package io.compliancestreams.ingest.scan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one succeeded scope changed in the inventory: the resources that are new or differ since
 * its previous successful scan ({@code put}), and the keys of those it no longer reports
 * ({@code removed}, sorted).
 */
public record InventoryChange(Scope scope, List<KnownResource> put, List<String> removed) {

  public InventoryChange {
    Objects.requireNonNull(scope, "scope");
    put = List.copyOf(put);
    removed = List.copyOf(removed);
  }

  /** The change from {@code before} to {@code now}, both keyed by canonical resource key. */
  static InventoryChange between(Scope scope, Map<String, KnownResource> before, Map<String, KnownResource> now) {
    List<KnownResource> put = now.entrySet().stream()
        .filter(e -> !e.getValue().equals(before.get(e.getKey())))
        .map(Map.Entry::getValue)
        .toList();
    List<String> removed = before.keySet().stream().filter(k -> !now.containsKey(k)).sorted().toList();
    return new InventoryChange(scope, put, removed);
  }

  public boolean isEmpty() {
    return put.isEmpty() && removed.isEmpty();
  }
}
