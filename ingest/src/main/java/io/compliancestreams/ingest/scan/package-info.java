/**
 * The scanner: runs the collectors over accounts × regions with bounded concurrency, reports each
 * (account, region, collector) scope as succeeded or failed, and turns what a succeeded scope no
 * longer sees into ResourceDeleted snapshots. What each scope last reported (the inventory) is told
 * to an {@link io.compliancestreams.ingest.scan.InventoryJournal} so a restarted process can restore it.
 */
package io.compliancestreams.ingest.scan;
