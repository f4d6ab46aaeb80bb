package io.compliancestreams.sinks.runner;

import io.compliancestreams.schemas.avro.FindingDelta;
import java.util.Objects;

/** One delta as a destination receives it, with where it came from (for idempotent naming). */
public record SinkRecord(String topic, int partition, long offset, String key, FindingDelta delta) {
  public SinkRecord {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(delta, "delta");
  }
}
