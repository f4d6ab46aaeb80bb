package io.compliancestreams.app.run;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The one Prometheus registry of a process, with the JVM's memory, GC and CPU meters: every
 * component the process runs (streams, ingest, sinks) registers its meters here, and the process's
 * HTTP server serves it at /metrics.
 */
public final class ProcessMeters {

  private ProcessMeters() {}

  public static PrometheusMeterRegistry create() {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmGcMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    return meters;
  }
}
