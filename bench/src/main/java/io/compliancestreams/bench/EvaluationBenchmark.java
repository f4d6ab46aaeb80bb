package io.compliancestreams.bench;

import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeEngine;
import io.compliancestreams.streams.topology.SnapshotMapper;
import io.compliancestreams.streams.topology.SnapshotRecords;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pure core alone: every fixture item evaluated on its own by the whole catalogue (as the
 * topology does per resource), one operation = one pass over all items. Baseline: mapping the
 * same items from their Avro snapshot (parsing the configuration JSON), which the topology also
 * does for every record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvaluationBenchmark {

  private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

  private PracticeEngine engine;
  private List<List<ConfigurationItem>> items;
  private List<ResourceSnapshot> snapshots;

  /** Evaluations one pass yields (the same every pass: the engine is pure). */
  static int evaluationsPerPass() {
    EvaluationBenchmark b = new EvaluationBenchmark();
    b.setUp();
    return b.items.stream().mapToInt(i -> b.engine.evaluate(i, AT).size()).sum();
  }

  static int itemsPerPass() {
    return FixtureTemplates.items().size();
  }

  @Setup
  public void setUp() {
    engine = PracticeEngine.withDefaults();
    List<ConfigurationItem> all = FixtureTemplates.items();
    items = all.stream().map(List::of).toList();
    snapshots = all.stream().map(SnapshotRecords::of).toList();
  }

  @Benchmark
  public void evaluateAllItems(Blackhole bh) {
    for (List<ConfigurationItem> item : items) {
      List<Evaluation> out = engine.evaluate(item, AT);
      bh.consume(out);
    }
  }

  @Benchmark
  public void mapAllSnapshots(Blackhole bh) {
    for (ResourceSnapshot s : snapshots) {
      bh.consume(SnapshotMapper.toItem(s));
    }
  }
}
