package org.soundalike.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * t-SNE (van der Maaten and Hinton 2008) to 2-D, for the similarity map of test-track
 * embeddings (the paper's t-SNE figures). No maintained, permissively licensed Java t-SNE resolves
 * on the project's Maven mirror (smile is GPL-3, de.javagl:bh-tsne is a single 0.0.1 release), so
 * it is written here, following scikit-learn: Gaussian affinities calibrated to the perplexity by
 * bisection, symmetrised P, Student-t Q, early exaggeration 12 for 250 iterations, momentum 0.5
 * then 0.8, per-parameter gains (min 0.01), learning rate max(n / 48, 50), a seeded N(0, 1e-4)
 * start. θ = 0 gives exact t-SNE (O(n²) time and memory: a few thousand points); θ > 0 gives
 * Barnes–Hut t-SNE over the ⌊3·perplexity + 1⌋ nearest neighbours (O(n log n) per iteration).
 * Results depend only on the seed, never on the thread count.
 */
public final class Tsne {

  /**
   * @param perplexity effective number of neighbours (scikit-learn's default 30); clamped to
   *     (n − 1) / 3 for small inputs, the effective value is reported in the result
   * @param theta Barnes–Hut angle (scikit-learn's default 0.5), or 0 for exact t-SNE; below 0.7
   *     so that a cell never summarises the point inside it
   */
  public record Config(double perplexity, int iterations, long seed, int threads, double theta) {

    public Config {
      if (!(perplexity > 0)) {
        throw new IllegalArgumentException("perplexity must be positive, got " + perplexity);
      }
      if (iterations < EXAGGERATION_ITERATIONS) {
        throw new IllegalArgumentException("iterations must be at least " + EXAGGERATION_ITERATIONS + ", got " + iterations);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      if (!(theta >= 0 && theta < 0.7)) {
        throw new IllegalArgumentException("theta must be in [0, 0.7), got " + theta);
      }
    }

    /** Perplexity 30, 1,000 iterations, every core, Barnes–Hut with θ = 0.5. */
    public static Config defaults(long seed) {
      return new Config(30, 1000, seed, Runtime.getRuntime().availableProcessors(), 0.5);
    }
  }

  /** 2-D coordinates per input row, the perplexity used and the final KL(P || Q). */
  public record Result(double[][] coordinates, double perplexity, double klDivergence) {}

  static final int EXAGGERATION_ITERATIONS = 250;
  private static final double EXAGGERATION = 12;
  private static final double MIN_GAIN = 0.01;

  private final Config config;
  private final InnerProductKernel kernel;

  public Tsne(Config config) {
    this(config, InnerProductKernels.fastest());
  }

  public Tsne(Config config, InnerProductKernel kernel) {
    this.config = config;
    this.kernel = kernel;
  }

  public Result embed(EmbeddingMatrix data) {
    int n = data.rows();
    if (n < 2) {
      return new Result(new double[n][2], 0, 0);
    }
    double perplexity = Math.min(config.perplexity(), (n - 1) / 3.0);
    try (RowRanges rows = new RowRanges(config.threads(), "tsne")) {
      TsneGradient cost = config.theta() == 0
          ? new ExactTsneGradient(TsneAffinities.dense(data, perplexity, kernel), n, rows)
          : new BarnesHutTsneGradient(TsneAffinities.sparse(data, perplexity, kernel), n, config.theta(), rows);
      double[] y = optimise(cost, n);
      double[][] coordinates = new double[n][];
      for (int i = 0; i < n; i++) {
        coordinates[i] = new double[] {y[2 * i], y[2 * i + 1]};
      }
      return new Result(coordinates, perplexity, cost.klDivergence(y));
    }
  }

  private double[] optimise(TsneGradient cost, int n) {
    double[] y = new double[2 * n];
    SplittableRandom random = new SplittableRandom(config.seed());
    for (int i = 0; i < y.length; i++) {
      y[i] = 1e-4 * gaussian(random);
    }
    double learningRate = Math.max(n / EXAGGERATION / 4, 50);
    double[] update = new double[2 * n];
    double[] gains = new double[2 * n];
    Arrays.fill(gains, 1);
    double[] gradient = new double[2 * n];
    for (int iteration = 0; iteration < config.iterations(); iteration++) {
      boolean early = iteration < EXAGGERATION_ITERATIONS;
      cost.compute(y, early ? EXAGGERATION : 1, gradient);
      double momentum = early ? 0.5 : 0.8;
      for (int i = 0; i < y.length; i++) {
        // Delta-bar-delta gains: grow where the gradient keeps pushing against the last step.
        gains[i] = Math.signum(gradient[i]) != Math.signum(update[i]) ? gains[i] + 0.2 : gains[i] * 0.8;
        gains[i] = Math.max(gains[i], MIN_GAIN);
        update[i] = momentum * update[i] - learningRate * gains[i] * gradient[i];
        y[i] += update[i];
      }
    }
    return y;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
