package io.compliancestreams.bench;

import io.compliancestreams.devkit.BrokerChoice;
import io.compliancestreams.devkit.KafkaBroker;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The benchmark harness (issue 8): evaluation alone (JMH), scan cost on moto, then on one broker
 * the throughput of the topology against a no-op passthrough (exactly-once and at-least-once; the
 * bench's mix, then a resync where 0.5% of the re-sent snapshots changed), the
 * state held and its restore, and detection latency. Prints a Markdown table and writes JSON.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("error: " + e.getMessage());
      }
      System.err.print(BenchOptions.USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    int code = run(options);
    System.exit(code);
  }

  static int run(BenchOptions o) throws Exception {
    Results results = new Results();
    long started = System.nanoTime();
    environment(results, o);
    if (o.runs("jmh")) {
      section("evaluation alone (JMH)");
      new EvaluationBench(results).run(o.quick());
    }
    if (o.runs("scan")) {
      section("scan cost on moto");
      new ScanCostBench(results).run(o.scanResources());
    }
    if (o.runs("throughput") || o.runs("resync") || o.runs("state") || o.runs("latency")) {
      String external = System.getenv(BrokerChoice.BOOTSTRAP_SERVERS_ENV);
      try (KafkaBroker broker = external == null || external.isBlank() ? KafkaBroker.startInJvm() : KafkaBroker.start();
          BenchKafka kafka = new BenchKafka(broker.bootstrapServers())) {
        results.environment("broker", broker.toString());
        ThroughputBench throughput = new ThroughputBench(kafka, results);
        boolean stateOnThroughput = o.runs("state") && o.stateSizes().contains(o.resources());
        if (o.runs("throughput")) {
          section("throughput, exactly_once_v2");
          throughput.run("tp-eos", StreamsConfig.EXACTLY_ONCE_V2, o.resources(), o.snapshots(), true,
              stateOnThroughput);
          section("throughput, at_least_once");
          throughput.run("tp-alos", StreamsConfig.AT_LEAST_ONCE, o.resources(), o.snapshots(), true, false);
        }
        if (o.runs("resync")) {
          section("resync (0.5% of re-sent snapshots changed), exactly_once_v2");
          throughput.resync("rs-eos", StreamsConfig.EXACTLY_ONCE_V2, o.resources(), o.snapshots());
          section("resync (0.5% of re-sent snapshots changed), at_least_once");
          throughput.resync("rs-alos", StreamsConfig.AT_LEAST_ONCE, o.resources(), o.snapshots());
        }
        if (o.runs("state")) {
          for (int size : o.stateSizes()) {
            if (size == o.resources() && o.runs("throughput")) {
              continue;
            }
            section("state at " + size + " resources");
            throughput.run("state-" + size, StreamsConfig.EXACTLY_ONCE_V2, size, size, false, true);
          }
        }
        if (o.runs("latency")) {
          LatencyBench latency = new LatencyBench(kafka, results, o.latencyKeys());
          section("detection latency, exactly_once_v2");
          latency.run(StreamsConfig.EXACTLY_ONCE_V2, o.rates(), o.latencyDuration());
          section("detection latency, at_least_once");
          latency.run(StreamsConfig.AT_LEAST_ONCE, o.rates(), o.latencyDuration());
        }
      }
    }
    double minutes = (System.nanoTime() - started) / 60e9;
    results.environment("wallMinutes", minutes);
    results.environment("finishedAt", Instant.now().toString());
    System.out.println();
    System.out.println(results.markdown());
    System.out.printf("whole run: %.1f min; JSON: %s%n", minutes, o.output().toAbsolutePath());
    results.writeJson(o.output());
    return 0;
  }

  private static String kafkaVersion() {
    try (var in = BenchMain.class.getClassLoader().getResourceAsStream("kafka/kafka-version.properties")) {
      java.util.Properties p = new java.util.Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static void section(String name) {
    System.out.println();
    System.out.println("== " + name + " ==");
  }

  private static void environment(Results results, BenchOptions o) {
    Runtime rt = Runtime.getRuntime();
    results.environment("cores", rt.availableProcessors());
    long physical = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize() : -1;
    results.environment("physicalMemoryMiB", physical / (1024 * 1024));
    results.environment("maxHeapMiB", rt.maxMemory() / (1024 * 1024));
    results.environment("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    results.environment("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    results.environment("kafka", kafkaVersion());
    results.environment("startedAt", Instant.now().toString());
    results.environment("options", o.toString());
    try {
      Files.createDirectories(o.output().toAbsolutePath().getParent());
    } catch (Exception e) {
      throw new IllegalStateException("cannot create " + o.output().getParent(), e);
    }
    System.out.printf("cores %d, memory %d MiB, max heap %d MiB, %s%n", rt.availableProcessors(),
        physical / (1024 * 1024), rt.maxMemory() / (1024 * 1024), System.getProperty("java.runtime.version"));
  }
}
