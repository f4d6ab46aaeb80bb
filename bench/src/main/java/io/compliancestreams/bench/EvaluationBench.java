package io.compliancestreams.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs {@link EvaluationBenchmark} with JMH (1 fork, 1 thread: per core) and reports per-item rates. */
final class EvaluationBench {

  private final Results results;

  EvaluationBench(Results results) {
    this.results = results;
  }

  void run(boolean quick) throws Exception {
    Options options = new OptionsBuilder()
        .include(EvaluationBenchmark.class.getName() + "\\.")
        .forks(1)
        .threads(1)
        .warmupIterations(quick ? 1 : 2)
        .warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 2 : 3)
        .measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .jvmArgsAppend("-Xmx512m")
        .build();
    Collection<RunResult> runs = new Runner(options).run();
    double evaluate = Double.NaN;
    double map = Double.NaN;
    for (RunResult r : runs) {
      String name = r.getParams().getBenchmark();
      double passesPerSecond = r.getPrimaryResult().getScore();
      if (name.endsWith("evaluateAllItems")) {
        evaluate = passesPerSecond;
      } else if (name.endsWith("mapAllSnapshots")) {
        map = passesPerSecond;
      }
    }
    if (Double.isNaN(evaluate) || Double.isNaN(map)) {
      throw new IllegalStateException("a JMH benchmark failed; see its output above");
    }
    int items = EvaluationBenchmark.itemsPerPass();
    int evaluations = EvaluationBenchmark.evaluationsPerPass();
    results.add("evaluation alone (JMH, 1 core)", String.format("practice evaluations/s (%d fixture items, %d evaluations per pass)",
        items, evaluations), evaluate * evaluations, "eval/s", "", Double.NaN);
    results.add("evaluation alone (JMH, 1 core)", "items evaluated by the whole catalogue /s", evaluate * items,
        "items/s", "snapshot → item mapping (JSON parse)", map * items);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("itemsPerPass", items);
    detail.put("evaluationsPerPass", evaluations);
    detail.put("evaluatePassesPerSecond", evaluate);
    detail.put("mapPassesPerSecond", map);
    detail.put("jmh", "forks 1, threads 1, warmup " + options.getWarmupIterations().orElse(0) + "x"
        + options.getWarmupTime().orElse(null) + ", measurement " + options.getMeasurementIterations().orElse(0) + "x"
        + options.getMeasurementTime().orElse(null));
    results.detail("evaluation", detail);
  }
}
