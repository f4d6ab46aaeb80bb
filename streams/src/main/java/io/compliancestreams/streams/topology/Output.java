package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.Finding;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.avro.RescanRequest;

/** What the stateful processors emit; the topology sends each kind to its topic. */
sealed interface Output {

  /** The Kafka key of this output on its topic. */
  String key();

  /** A status change, for {@code compliance.finding.delta.v1}. */
  record DeltaOut(FindingDelta delta) implements Output {
    @Override
    public String key() {
      return delta.getFindingId();
    }
  }

  /** The current state of a finding, or null (tombstone) when it is gone. */
  record StateOut(String findingId, Finding finding) implements Output {
    @Override
    public String key() {
      return findingId;
    }
  }

  /** An alias (name or ARN) of a resource, or null (tombstone) when the resource is gone. */
  record AliasOut(String alias, String resourceKey) implements Output {
    @Override
    public String key() {
      return alias;
    }
  }

  /** A request for the collectors to fetch a resource or scope again. */
  record RescanOut(String key, RescanRequest request) implements Output {}
}
