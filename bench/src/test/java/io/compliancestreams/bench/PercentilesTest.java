package io.compliancestreams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void shouldReturnNearestRankValuesOfTheSample() {
    double[] sample = new double[100];
    for (int i = 0; i < 100; i++) {
      sample[99 - i] = i + 1; // 100 … 1, unsorted on purpose
    }
    Percentiles p = new Percentiles(sample);
    assertThat(p.at(50)).isEqualTo(50);
    assertThat(p.at(95)).isEqualTo(95);
    assertThat(p.at(99)).isEqualTo(99);
    assertThat(p.at(100)).isEqualTo(100);
    assertThat(p.max()).isEqualTo(100);
    assertThat(p.at(0)).isEqualTo(1);
  }

  @Test
  void shouldGiveNaNForAnEmptySample() {
    assertThat(new Percentiles(new double[0]).at(99)).isNaN();
  }

  @Test
  void shouldPrintEachFigureNextToItsBaselineAndRatio() {
    Results results = new Results();
    results.add("throughput EOS", "records/s", 500, "rec/s", "no-op passthrough EOS", 1000);
    assertThat(results.markdown()).contains(
        "| throughput EOS | records/s | 500 rec/s | no-op passthrough EOS | 1,000 rec/s | 0.50 | – | – |");
  }
}
