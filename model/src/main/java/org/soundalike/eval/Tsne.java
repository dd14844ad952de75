package org.soundalike.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Exact t-SNE (van der Maaten and Hinton 2008) to 2-D, for the similarity map of test-track
 * embeddings (the paper's t-SNE figures). No maintained, permissively licensed Java t-SNE resolves
 * on the project's Maven mirror (smile is GPL-3, de.javagl:bh-tsne is a single 0.0.1 release), so
 * it is written here, following scikit-learn's exact method: Gaussian affinities calibrated to the
 * perplexity by bisection, symmetrised P, Student-t Q, early exaggeration 12 for 250 iterations,
 * momentum 0.5 then 0.8, per-parameter gains, learning rate max(n / 48, 50), seeded N(0, 1e-4)
 * start. Cost is O(n²) memory and time per iteration: fine up to a few thousand points.
 */
public final class Tsne {

  /**
   * @param perplexity effective number of neighbours (scikit-learn's default 30); clamped to
   *     (n − 1) / 3 for small inputs, the effective value is reported in the result
   */
  public record Config(double perplexity, int iterations, long seed, int threads) {

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
    }

    public static Config defaults(long seed) {
      return new Config(30, 1000, seed, Runtime.getRuntime().availableProcessors());
    }
  }

  /** 2-D coordinates per input row, the perplexity used and the final KL(P || Q). */
  public record Result(double[][] coordinates, double perplexity, double klDivergence) {}

  static final int EXAGGERATION_ITERATIONS = 250;
  private static final double EXAGGERATION = 12;
  private static final double MIN_GAIN = 0.01;
  private static final double MACHINE_EPSILON = 1e-12;

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
    double[] p = jointProbabilities(data, perplexity);
    double[] y = new double[2 * n];
    SplittableRandom random = new SplittableRandom(config.seed());
    for (int i = 0; i < y.length; i++) {
      y[i] = 1e-4 * gaussian(random);
    }
    double learningRate = Math.max(n / EXAGGERATION / 4, 50);
    double[] update = new double[2 * n];
    double[] gains = new double[2 * n];
    java.util.Arrays.fill(gains, 1);
    double[] gradient = new double[2 * n];
    ExecutorService pool = config.threads() > 1 ? Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "tsne");
      t.setDaemon(true);
      return t;
    }) : null;
    try {
      for (int iteration = 0; iteration < config.iterations(); iteration++) {
        boolean early = iteration < EXAGGERATION_ITERATIONS;
        computeGradient(p, y, n, early ? EXAGGERATION : 1, gradient, pool);
        double momentum = early ? 0.5 : 0.8;
        for (int i = 0; i < y.length; i++) {
          // Delta-bar-delta gains: grow where the gradient keeps pushing against the last step.
          gains[i] = Math.signum(gradient[i]) != Math.signum(update[i]) ? gains[i] + 0.2 : gains[i] * 0.8;
          gains[i] = Math.max(gains[i], MIN_GAIN);
          update[i] = momentum * update[i] - learningRate * gains[i] * gradient[i];
          y[i] += update[i];
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    double[][] coordinates = new double[n][];
    for (int i = 0; i < n; i++) {
      coordinates[i] = new double[] {y[2 * i], y[2 * i + 1]};
    }
    return new Result(coordinates, perplexity, klDivergence(p, y, n));
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Symmetrised joint probabilities {@code p[i * n + j] = (p_j|i + p_i|j) / 2n}, floored at 1e-12. */
  double[] jointProbabilities(EmbeddingMatrix data, double perplexity) {
    int n = data.rows();
    double[] squaredNorm = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int k = 0; k < data.dim(); k++) {
        s += (double) data.get(i, k) * data.get(i, k);
      }
      squaredNorm[i] = s;
    }
    double[] conditional = new double[n * n];
    int block = ExactRetrieval.QUERY_BLOCK;
    float[] products = new float[block * n];
    double[] distances = new double[n];
    double targetEntropy = Math.log(perplexity);
    for (int from = 0; from < n; from += block) {
      int to = Math.min(from + block, n);
      kernel.innerProducts(data, from, to, data, products);
      for (int i = from; i < to; i++) {
        for (int j = 0; j < n; j++) {
          distances[j] = Math.max(0, squaredNorm[i] + squaredNorm[j] - 2.0 * products[(i - from) * n + j]);
        }
        calibrateRow(distances, i, targetEntropy, conditional, i * n);
      }
    }
    double[] joint = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        joint[i * n + j] = Math.max((conditional[i * n + j] + conditional[j * n + i]) / (2.0 * n), MACHINE_EPSILON);
      }
      joint[i * n + i] = 0;
    }
    return joint;
  }

  /** Bisection on the Gaussian precision β so that the row's entropy (nats) is log(perplexity). */
  private static void calibrateRow(double[] distances, int self, double targetEntropy, double[] out, int offset) {
    int n = distances.length;
    double nearest = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      if (j != self) {
        nearest = Math.min(nearest, distances[j]);
      }
    }
    double beta = 1;
    double low = 0;
    double high = Double.POSITIVE_INFINITY;
    for (int step = 0; step < 200; step++) {
      double sum = 0;
      double weighted = 0;
      for (int j = 0; j < n; j++) {
        if (j == self) {
          out[offset + j] = 0;
          continue;
        }
        // Shifting by the nearest distance keeps exp() from underflowing; it cancels in the ratio.
        double w = Math.exp(-beta * (distances[j] - nearest));
        out[offset + j] = w;
        sum += w;
        weighted += w * (distances[j] - nearest);
      }
      double entropy = Math.log(sum) + beta * weighted / sum;
      for (int j = 0; j < n; j++) {
        out[offset + j] /= sum;
      }
      double error = entropy - targetEntropy;
      if (Math.abs(error) < 1e-5) {
        return;
      }
      if (error > 0) {
        low = beta;
        beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
      } else {
        high = beta;
        beta = (beta + low) / 2;
      }
    }
  }

  /**
   * dC/dy_i = 4 Σ_j (e·p_ij − q_ij) w_ij (y_i − y_j) with w_ij = (1 + |y_i − y_j|²)⁻¹ and
   * q_ij = w_ij / Z, e the exaggeration. Written as 4 (A_i − B_i / Z) with A_i = Σ e·p_ij w_ij
   * (y_i − y_j) and B_i = Σ w_ij² (y_i − y_j), so one pass over the pairs gives A, B and the row
   * sums of Z (half the divisions of computing Z first).
   */
  private void computeGradient(double[] p, double[] y, int n, double exaggeration, double[] gradient, ExecutorService pool) {
    double[] rowSums = new double[n];
    double[] attraction = new double[2 * n];
    double[] repulsion = new double[2 * n];
    inParallel(n, pool, (from, to) -> {
      for (int i = from; i < to; i++) {
        double yx = y[2 * i];
        double yy = y[2 * i + 1];
        double sum = 0;
        double ax = 0;
        double ay = 0;
        double rx = 0;
        double ry = 0;
        int row = i * n;
        for (int j = 0; j < n; j++) {
          double dx = yx - y[2 * j];
          double dy = yy - y[2 * j + 1];
          double w = 1 / (1 + dx * dx + dy * dy);
          // p_ii = 0 and the self term's difference is 0: only its w = 1 must leave Z.
          double pw = exaggeration * p[row + j] * w;
          double ww = w * w;
          sum += w;
          ax += pw * dx;
          ay += pw * dy;
          rx += ww * dx;
          ry += ww * dy;
        }
        rowSums[i] = sum - 1;
        attraction[2 * i] = ax;
        attraction[2 * i + 1] = ay;
        repulsion[2 * i] = rx;
        repulsion[2 * i + 1] = ry;
      }
    });
    // Summed in row order, so the map is identical whatever the number of threads.
    double z = 0;
    for (double sum : rowSums) {
      z += sum;
    }
    for (int c = 0; c < 2 * n; c++) {
      gradient[c] = 4 * (attraction[c] - repulsion[c] / z);
    }
  }

  private static double klDivergence(double[] p, double[] y, int n) {
    double z = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double dx = y[2 * i] - y[2 * j];
          double dy = y[2 * i + 1] - y[2 * j + 1];
          z += 1 / (1 + dx * dx + dy * dy);
        }
      }
    }
    double kl = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double dx = y[2 * i] - y[2 * j];
          double dy = y[2 * i + 1] - y[2 * j + 1];
          double q = Math.max(1 / (1 + dx * dx + dy * dy) / z, MACHINE_EPSILON);
          kl += p[i * n + j] * Math.log(p[i * n + j] / q);
        }
      }
    }
    return kl;
  }

  private interface RowRange {
    void apply(int from, int to);
  }

  /** Splits rows [0, n) into one contiguous range per thread and waits for all. */
  private void inParallel(int n, ExecutorService pool, RowRange work) {
    if (pool == null) {
      work.apply(0, n);
      return;
    }
    int parts = config.threads();
    List<Future<?>> futures = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      int from = (int) ((long) n * part / parts);
      int to = (int) ((long) n * (part + 1) / parts);
      futures.add(pool.submit(() -> work.apply(from, to)));
    }
    try {
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("t-SNE interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("t-SNE failed", e.getCause());
    }
  }
}
