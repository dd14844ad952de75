package org.soundalike.eval.report;

import java.util.Arrays;
import org.soundalike.eval.QueryBootstrap;

/**
 * One metric over the seeds of a variant at a label fraction: the mean and a 95 % interval over
 * seeds, the 2.5th and 97.5th percentiles (linear interpolation, numpy's default) when there are
 * at least {@link #MIN_SEEDS_FOR_PERCENTILES} seeds, else the minimum and maximum (two points say
 * nothing about a 95 % range, and the percentile of one point is the point).
 */
public record SeedSummary(double mean, double low, double high, int seeds) {

  public static final int MIN_SEEDS_FOR_PERCENTILES = 3;

  public static SeedSummary of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to summarise");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).sum() / sorted.length;
    if (sorted.length < MIN_SEEDS_FOR_PERCENTILES) {
      return new SeedSummary(mean, sorted[0], sorted[sorted.length - 1], sorted.length);
    }
    return new SeedSummary(mean, QueryBootstrap.quantile(sorted, 0.025), QueryBootstrap.quantile(sorted, 0.975), sorted.length);
  }
}
