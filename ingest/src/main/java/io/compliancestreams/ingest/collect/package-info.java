/**
 * Collectors: one per resource type (grouped by AWS service in sub-packages), each turning AWS API
 * responses into snapshots; the {@link io.compliancestreams.ingest.collect.Collector} contract and
 * the context a collector runs in.
 */
package io.compliancestreams.ingest.collect;
