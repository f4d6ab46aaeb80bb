package io.compliancestreams.app.run;

import io.compliancestreams.ingest.scan.ScanResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ingest service's full-scan meters: {@code compliance.ingest.snapshots.published} (snapshots
 * the broker acknowledged) and {@code compliance.ingest.snapshots.unpublished} (snapshots still not
 * acknowledged after their retries: an alert on its rate catches a registry or broker refusing
 * the service's records).
 */
final class IngestMetrics {

  private final Counter published;
  private final Counter unpublished;

  IngestMetrics(MeterRegistry registry) {
    published = Counter.builder("compliance.ingest.snapshots.published")
        .description("Full-scan snapshots the broker acknowledged").register(registry);
    unpublished = Counter.builder("compliance.ingest.snapshots.unpublished")
        .description("Full-scan snapshots not acknowledged after their retries (sent again by the next scan)")
        .register(registry);
  }

  void record(ScanResult result) {
    published.increment(result.snapshots());
    unpublished.increment(result.unpublished());
  }
}
