package org.soundalike.search.bench;

import java.util.Arrays;

/** Percentiles of a set of measured latencies (nearest-rank). */
public final class Latencies {

  private final double[] sorted;

  public Latencies(double[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  public double percentile(double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public double mean() {
    return Arrays.stream(sorted).average().orElse(Double.NaN);
  }
}
