package io.compliancestreams.sinks.runner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-sink meters, all tagged {@code sink=<name>}: {@code compliance.sink.delivered} (records the
 * destination accepted), {@code .skipped} (filtered out), {@code .failed} (failed attempts),
 * {@code .retried} (attempts scheduled again), {@code .dead_lettered} (records sent to the DLQ),
 * the timer {@code compliance.sink.delivery.latency} (delivery time minus the delta's evaluatedAt)
 * and the gauge {@code compliance.sink.consumer.lag} (records behind the log end, summed over the
 * assigned partitions).
 */
final class SinkMetrics {

  static final String PREFIX = "compliance.sink.";

  final Counter delivered;
  final Counter skipped;
  final Counter failed;
  final Counter retried;
  final Counter deadLettered;
  final Timer latency;
  private final AtomicLong lag = new AtomicLong();

  SinkMetrics(MeterRegistry registry, String sink) {
    delivered = counter(registry, "delivered", sink, "Deltas the destination accepted");
    skipped = counter(registry, "skipped", sink, "Deltas the sink's filter skipped");
    failed = counter(registry, "failed", sink, "Failed delivery or flush attempts");
    retried = counter(registry, "retried", sink, "Attempts scheduled again after a failure");
    deadLettered = counter(registry, "dead_lettered", sink, "Records sent to the sink's dead-letter topic");
    latency = Timer.builder(PREFIX + "delivery.latency")
        .description("Delivery time minus the delta's evaluatedAt")
        .tag("sink", sink)
        .register(registry);
    Gauge.builder(PREFIX + "consumer.lag", lag, AtomicLong::get)
        .description("Records behind the end of the assigned delta partitions")
        .tag("sink", sink)
        .register(registry);
  }

  void lag(long value) {
    lag.set(value);
  }

  void latency(Duration value) {
    latency.record(value.isNegative() ? Duration.ZERO : value);
  }

  private static Counter counter(MeterRegistry registry, String name, String sink, String description) {
    return Counter.builder(PREFIX + name).description(description).tag("sink", sink).register(registry);
  }
}
