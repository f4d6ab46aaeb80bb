/**
 * Targeted rescans: consumes rescan requests (usually raised by the topology from CloudTrail
 * events), coalesces bursts, re-reads the resources through the collectors and publishes fresh
 * snapshots, or a deletion when the resource is gone; and the periodic full resync.
 */
package io.compliancestreams.ingest.rescan;
