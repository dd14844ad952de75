package org.soundalike.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap intervals over queries: each resample draws as many queries as there are,
 * uniformly with replacement (seeded), expressed as a multiplicity per query; a statistic maps
 * multiplicities to a value (e.g. {@link RecallAtK#value(int[])}). All statistics see the same
 * resamples, so their intervals are paired. The database (the ranked results) stays fixed.
 */
public final class QueryBootstrap {

  /** A two-sided interval at {@link #level()}. */
  public record Interval(double lower, double upper) {

    public Interval scaled(double factor) {
      return new Interval(lower * factor, upper * factor);
    }
  }

  private final int resamples;
  private final long seed;
  private final double level;

  public QueryBootstrap(int resamples, long seed, double level) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    this.resamples = resamples;
    this.seed = seed;
    this.level = level;
  }

  /** 1,000 resamples, 95 %. */
  public static QueryBootstrap standard(long seed) {
    return new QueryBootstrap(1000, seed, 0.95);
  }

  public int resamples() {
    return resamples;
  }

  public long seed() {
    return seed;
  }

  public double level() {
    return level;
  }

  /** One interval per named statistic, in the map's order. */
  public Map<String, Interval> intervals(int queries, Map<String, ToDoubleFunction<int[]>> statistics) {
    if (queries < 1) {
      throw new IllegalArgumentException("bootstrap needs at least one query");
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] weights = new int[queries];
    double[][] values = new double[statistics.size()][resamples];
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(weights, 0);
      for (int draw = 0; draw < queries; draw++) {
        weights[random.nextInt(queries)]++;
      }
      int s = 0;
      for (ToDoubleFunction<int[]> statistic : statistics.values()) {
        values[s++][r] = statistic.applyAsDouble(weights);
      }
    }
    Map<String, Interval> intervals = new LinkedHashMap<>();
    int s = 0;
    for (String name : statistics.keySet()) {
      double[] sorted = values[s++];
      Arrays.sort(sorted);
      intervals.put(name, new Interval(quantile(sorted, (1 - level) / 2), quantile(sorted, (1 + level) / 2)));
    }
    return intervals;
  }

  /**
   * The {@code q}-quantile of ascending {@code sorted} values, by linear interpolation between
   * order statistics (numpy's default percentile). Also used for intervals over seeds in reports.
   */
  public static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }
}
