package io.compliancestreams.ingest.collect;

import io.compliancestreams.schemas.avro.ResourceSnapshot;

/** Receives the snapshots a collector produces. */
@FunctionalInterface
public interface SnapshotSink {
  void accept(ResourceSnapshot snapshot);
}
