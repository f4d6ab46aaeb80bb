package io.compliancestreams.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample (no interpolation: every figure is an observed value). */
final class Percentiles {

  private final double[] sorted;

  Percentiles(double[] sample) {
    this.sorted = sample.clone();
    Arrays.sort(this.sorted);
  }

  int count() {
    return sorted.length;
  }

  /** The smallest value with at least {@code p} percent of the sample at or below it; NaN when empty. */
  double at(double p) {
    if (p < 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be within 0..100: " + p);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }
}
