package io.compliancestreams.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The harness's options: defaults, then {@code --quick}, then explicit flags.
 *
 * @param snapshots records of the throughput runs
 * @param resources distinct resources of the throughput runs
 * @param stateSizes resource counts whose state, heap and restore are measured (a size equal to
 *     {@code resources} is measured on the exactly-once throughput run itself)
 */
record BenchOptions(
    boolean quick,
    long snapshots,
    int resources,
    List<Integer> stateSizes,
    List<Integer> rates,
    Duration latencyDuration,
    int latencyKeys,
    int scanResources,
    Set<String> sections,
    Path output) {

  static final Set<String> ALL_SECTIONS = Set.of("jmh", "scan", "throughput", "resync", "state", "latency");

  static final String USAGE = """
      usage: java -jar bench/target/compliance-streams-bench.jar [options]
        --quick                  small sizes, about 3 minutes (checks that everything works)
        --snapshots N            snapshots of the throughput and resync runs (default 100000; quick 20000; issue 8: 1000000)
        --resources R            distinct resources of the throughput and resync runs (default 10000; quick 2000; issue 8: 100000)
        --state-sizes A,B        resources whose state/heap/restore is measured (default 10000,100000; quick 2000,10000; issue 8: 100000,1000000)
        --rates A,B              CloudTrail events per second (default 1000,100)
        --latency-seconds S      injection time per rate (default 20; quick 5)
        --latency-keys K         KMS keys loaded before injection (default 2000; quick 500)
        --scan-resources N       resources created on moto and scanned (default 2000; quick 300; issue 8: 10000)
        --only a,b               sections to run: jmh, scan, throughput, resync, state, latency (default all)
        --out FILE               JSON results (default bench/target/bench-results.json)
      KAFKA_BOOTSTRAP_SERVERS set: that cluster; otherwise an in-JVM broker.
      """;

  static BenchOptions parse(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--quick")) {
        quick = true;
      } else if (a.equals("--help") || a.equals("-h")) {
        throw new IllegalArgumentException("");
      } else if (a.startsWith("--") && i + 1 < args.length) {
        flags.put(a.substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unknown or incomplete option: " + a);
      }
    }
    long snapshots = Long.parseLong(flags.getOrDefault("snapshots", quick ? "20000" : "100000"));
    int resources = Integer.parseInt(flags.getOrDefault("resources", quick ? "2000" : "10000"));
    if (resources < 1 || snapshots < resources) {
      throw new IllegalArgumentException("--snapshots must be at least --resources (≥ 1)");
    }
    List<Integer> stateSizes = ints(flags.getOrDefault("state-sizes", quick ? "2000,10000" : "10000,100000"));
    List<Integer> rates = ints(flags.getOrDefault("rates", "1000,100"));
    Duration latency = Duration.ofSeconds(Long.parseLong(flags.getOrDefault("latency-seconds", quick ? "5" : "20")));
    int keys = Integer.parseInt(flags.getOrDefault("latency-keys", quick ? "500" : "2000"));
    int scan = Integer.parseInt(flags.getOrDefault("scan-resources", quick ? "300" : "2000"));
    Set<String> sections = flags.containsKey("only")
        ? Set.copyOf(Arrays.asList(flags.get("only").split(","))) : ALL_SECTIONS;
    if (!ALL_SECTIONS.containsAll(sections)) {
      throw new IllegalArgumentException("--only takes " + ALL_SECTIONS + ", got " + sections);
    }
    Set<String> known = Set.of("snapshots", "resources", "state-sizes", "rates", "latency-seconds", "latency-keys",
        "scan-resources", "only", "out");
    for (String f : flags.keySet()) {
      if (!known.contains(f)) {
        throw new IllegalArgumentException("unknown option --" + f);
      }
    }
    Path out = Path.of(flags.getOrDefault("out", "bench/target/bench-results.json"));
    return new BenchOptions(quick, snapshots, resources, stateSizes, rates, latency, keys, scan, sections, out);
  }

  private static List<Integer> ints(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt).toList();
  }

  boolean runs(String section) {
    return sections.contains(section);
  }
}
