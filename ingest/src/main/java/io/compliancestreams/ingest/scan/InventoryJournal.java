package io.compliancestreams.ingest.scan;

/**
 * Where a {@link ScanInventory} reports what changed, so that the inventory can be rebuilt after a
 * restart (the ingest service keeps it in a compacted Kafka topic). Only changes that are not
 * empty are reported, so an unchanged scope costs nothing per resync. Called from the scan's worker
 * threads, concurrently.
 */
@FunctionalInterface
public interface InventoryJournal {

  /** Keeps nothing: the inventory lives only as long as the process (the one-shot scan, tests). */
  InventoryJournal NONE = change -> {};

  void record(InventoryChange change);
}
