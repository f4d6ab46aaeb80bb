/**
 * The scanner: runs the collectors over accounts × regions with bounded concurrency, reports each
 * (account, region, collector) scope as succeeded or failed, and turns what a succeeded scope no
 * longer sees into ResourceDeleted snapshots.
 */
package io.compliancestreams.ingest.scan;
