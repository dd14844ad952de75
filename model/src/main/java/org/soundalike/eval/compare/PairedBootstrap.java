package org.soundalike.eval.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.soundalike.eval.QueryBootstrap;

/**
 * The difference between two models, B − A, on every metric, with a paired two-level bootstrap:
 * each resample draws the seeds with replacement, then, for each drawn seed, the queries with
 * replacement (multiplicities, as {@link QueryBootstrap}); B and A see the same draws, because
 * seed s of both trained on the same labelled tracks and both rank the same test queries. The
 * statistic is the mean over the drawn seeds of B(w) − A(w). Both sources of variation a reader
 * cares about (which seed, which test tracks) are in the interval.
 *
 * <p>Per metric: the observed difference (mean over seeds on all queries), its percentile
 * interval, the relative difference (B − A) / A with its interval, and a two-sided bootstrap
 * p-value, 2 · min(share of resampled differences ≤ 0, share ≥ 0), each share counted as
 * (k + 1) / (R + 1) so that no p-value is 0.
 */
public final class PairedBootstrap {

  /** One metric's difference B − A. */
  public record Estimate(double difference, double lower, double upper, double relative, double relativeLower,
      double relativeUpper, double p) {}

  private final int resamples;
  private final long seed;
  private final double level;

  public PairedBootstrap(int resamples, long seed, double level) {
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

  /** 2,000 resamples, 95 %. */
  public static PairedBootstrap standard(long seed) {
    return new PairedBootstrap(2000, seed, 0.95);
  }

  public double level() {
    return level;
  }

  /**
   * @param queries queries every run ranks (the same ones, in the same order)
   * @param b per seed, metric name → value given query multiplicities
   * @param a the same seeds, in the same order, and the same metric names
   */
  public Map<String, Estimate> compare(int queries, List<Map<String, ToDoubleFunction<int[]>>> b,
      List<Map<String, ToDoubleFunction<int[]>>> a) {
    if (b.size() != a.size() || b.isEmpty()) {
      throw new IllegalArgumentException("need the same number (at least one) of seeds for both models, got "
          + b.size() + " and " + a.size());
    }
    if (queries < 1) {
      throw new IllegalArgumentException("the bootstrap needs at least one query");
    }
    List<String> metrics = new ArrayList<>(b.get(0).keySet());
    int seeds = b.size();
    int m = metrics.size();
    double[] observedB = new double[m];
    double[] observedA = new double[m];
    int[] ones = new int[queries];
    Arrays.fill(ones, 1);
    for (int s = 0; s < seeds; s++) {
      for (int j = 0; j < m; j++) {
        observedB[j] += b.get(s).get(metrics.get(j)).applyAsDouble(ones) / seeds;
        observedA[j] += statistic(a.get(s), metrics.get(j)).applyAsDouble(ones) / seeds;
      }
    }
    double[][] differences = new double[m][resamples];
    double[][] relatives = new double[m][resamples];
    SplittableRandom random = new SplittableRandom(seed);
    int[] weights = new int[queries];
    double[] sumB = new double[m];
    double[] sumA = new double[m];
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(sumB, 0);
      Arrays.fill(sumA, 0);
      for (int draw = 0; draw < seeds; draw++) {
        int s = random.nextInt(seeds);
        Arrays.fill(weights, 0);
        for (int q = 0; q < queries; q++) {
          weights[random.nextInt(queries)]++;
        }
        for (int j = 0; j < m; j++) {
          sumB[j] += b.get(s).get(metrics.get(j)).applyAsDouble(weights);
          sumA[j] += statistic(a.get(s), metrics.get(j)).applyAsDouble(weights);
        }
      }
      for (int j = 0; j < m; j++) {
        differences[j][r] = (sumB[j] - sumA[j]) / seeds;
        relatives[j][r] = sumA[j] == 0 ? Double.NaN : (sumB[j] - sumA[j]) / sumA[j];
      }
    }
    Map<String, Estimate> estimates = new LinkedHashMap<>();
    for (int j = 0; j < m; j++) {
      double[] d = differences[j];
      int atOrBelow = 0;
      int atOrAbove = 0;
      for (double value : d) {
        atOrBelow += value <= 0 ? 1 : 0;
        atOrAbove += value >= 0 ? 1 : 0;
      }
      double p = Math.min(1, 2 * Math.min(atOrBelow + 1, atOrAbove + 1) / (double) (resamples + 1));
      Arrays.sort(d);
      double[] rel = Arrays.stream(relatives[j]).filter(Double::isFinite).sorted().toArray();
      double difference = observedB[j] - observedA[j];
      double relative = observedA[j] == 0 ? Double.NaN : difference / observedA[j];
      double low = (1 - level) / 2;
      double high = (1 + level) / 2;
      estimates.put(metrics.get(j), new Estimate(difference, QueryBootstrap.quantile(d, low),
          QueryBootstrap.quantile(d, high), relative,
          rel.length == 0 ? Double.NaN : QueryBootstrap.quantile(rel, low),
          rel.length == 0 ? Double.NaN : QueryBootstrap.quantile(rel, high), p));
    }
    return estimates;
  }

  private static ToDoubleFunction<int[]> statistic(Map<String, ToDoubleFunction<int[]>> run, String metric) {
    ToDoubleFunction<int[]> statistic = run.get(metric);
    if (statistic == null) {
      throw new IllegalArgumentException("metric " + metric + " is missing from one of the runs");
    }
    return statistic;
  }
}
