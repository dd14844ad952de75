package org.soundalike.eval;

import java.util.Arrays;

/**
 * The input-space affinities of t-SNE: per point, a Gaussian over squared Euclidean distances
 * whose precision is bisected until the entropy is log(perplexity); then symmetrised and
 * normalised to a joint distribution P. Dense (all pairs, for exact t-SNE) or sparse over the
 * ⌊3·perplexity + 1⌋ nearest neighbours (for Barnes–Hut, as scikit-learn does).
 */
final class TsneAffinities {

  /** A symmetric sparse P in compressed rows: row i's entries are {@code [rowStart[i], rowStart[i + 1])}. */
  record Sparse(int[] rowStart, int[] columns, double[] values) {}

  private static final double MIN_PROBABILITY = 1e-12;

  private TsneAffinities() {}

  /** {@code p[i * n + j] = (p_j|i + p_i|j) / 2n}, floored at 1e-12 off the diagonal. */
  static double[] dense(EmbeddingMatrix data, double perplexity, InnerProductKernel kernel) {
    int n = data.rows();
    double[] squaredNorm = squaredNorms(data);
    double[] conditional = new double[n * n];
    int block = ExactRetrieval.QUERY_BLOCK;
    float[] products = new float[block * n];
    double[] distances = new double[n - 1];
    double[] row = new double[n - 1];
    double target = Math.log(perplexity);
    for (int from = 0; from < n; from += block) {
      int to = Math.min(from + block, n);
      kernel.innerProducts(data, from, to, data, products);
      for (int i = from; i < to; i++) {
        for (int j = 0, c = 0; j < n; j++) {
          if (j != i) {
            distances[c++] = Math.max(0, squaredNorm[i] + squaredNorm[j] - 2.0 * products[(i - from) * n + j]);
          }
        }
        calibrate(distances, n - 1, target, row);
        for (int j = 0, c = 0; j < n; j++) {
          if (j != i) {
            conditional[i * n + j] = row[c++];
          }
        }
      }
    }
    double[] joint = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j != i) {
          joint[i * n + j] = Math.max((conditional[i * n + j] + conditional[j * n + i]) / (2.0 * n), MIN_PROBABILITY);
        }
      }
    }
    return joint;
  }

  /** Sparse P over each point's nearest neighbours (exact, brute force), symmetrised, summing to 1. */
  static Sparse sparse(EmbeddingMatrix data, double perplexity, InnerProductKernel kernel) {
    int n = data.rows();
    int k = Math.min(n - 1, (int) (3 * perplexity + 1));
    double[] squaredNorm = squaredNorms(data);
    // Nearest by distance = best by −distance in the retrieval heaps (lower index wins ties).
    ExactRetrieval.TopKHeaps heaps = new ExactRetrieval.TopKHeaps(n, k);
    int block = ExactRetrieval.QUERY_BLOCK;
    float[] products = new float[block * n];
    for (int from = 0; from < n; from += block) {
      int to = Math.min(from + block, n);
      kernel.innerProducts(data, from, to, data, products);
      for (int i = from; i < to; i++) {
        for (int j = 0; j < n; j++) {
          if (j != i) {
            double d = Math.max(0, squaredNorm[i] + squaredNorm[j] - 2.0 * products[(i - from) * n + j]);
            heaps.offer(i, (float) -d, j);
          }
        }
      }
    }
    int[][] neighbours = new int[n][k];
    float[] negated = new float[k];
    double[] distances = new double[k];
    double[][] conditional = new double[n][k];
    double target = Math.log(perplexity);
    for (int i = 0; i < n; i++) {
      heaps.drainBestFirst(i, neighbours[i], negated);
      for (int c = 0; c < k; c++) {
        distances[c] = -negated[c];
      }
      calibrate(distances, k, target, conditional[i]);
    }
    return symmetrise(neighbours, conditional, n);
  }

  /** P = (P_cond + P_condᵀ) / sum, merged row by row in column order. */
  private static Sparse symmetrise(int[][] neighbours, double[][] conditional, int n) {
    // The transpose: for every column j, the rows i that have j as a neighbour, in increasing i.
    int[] count = new int[n + 1];
    for (int[] row : neighbours) {
      for (int j : row) {
        count[j + 1]++;
      }
    }
    for (int j = 0; j < n; j++) {
      count[j + 1] += count[j];
    }
    int[] transposedRows = new int[count[n]];
    double[] transposedValues = new double[count[n]];
    int[] fill = Arrays.copyOf(count, n);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < neighbours[i].length; c++) {
        int j = neighbours[i][c];
        transposedRows[fill[j]] = i;
        transposedValues[fill[j]++] = conditional[i][c];
      }
    }
    int[] rowStart = new int[n + 1];
    int[] columns = new int[2 * count[n]];
    double[] values = new double[2 * count[n]];
    int size = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      int k = neighbours[i].length;
      Integer[] order = new Integer[k];
      for (int c = 0; c < k; c++) {
        order[c] = c;
      }
      final int row = i;
      Arrays.sort(order, (a, b) -> Integer.compare(neighbours[row][a], neighbours[row][b]));
      int a = 0;
      int b = count[i];
      while (a < k || b < count[i + 1]) {
        int ja = a < k ? neighbours[i][order[a]] : Integer.MAX_VALUE;
        int jb = b < count[i + 1] ? transposedRows[b] : Integer.MAX_VALUE;
        int j = Math.min(ja, jb);
        double v = 0;
        if (ja == j) {
          v += conditional[i][order[a++]];
        }
        if (jb == j) {
          v += transposedValues[b++];
        }
        columns[size] = j;
        values[size++] = v;
        total += v;
      }
      rowStart[i + 1] = size;
    }
    for (int e = 0; e < size; e++) {
      values[e] = Math.max(values[e] / total, MIN_PROBABILITY);
    }
    return new Sparse(rowStart, Arrays.copyOf(columns, size), Arrays.copyOf(values, size));
  }

  private static double[] squaredNorms(EmbeddingMatrix data) {
    double[] squaredNorm = new double[data.rows()];
    for (int i = 0; i < data.rows(); i++) {
      double s = 0;
      for (int k = 0; k < data.dim(); k++) {
        s += (double) data.get(i, k) * data.get(i, k);
      }
      squaredNorm[i] = s;
    }
    return squaredNorm;
  }

  /**
   * Bisection on the Gaussian precision β so that the conditional distribution over the first
   * {@code count} distances has entropy (nats) log(perplexity) = {@code target}; writes it to {@code out}.
   */
  static void calibrate(double[] distances, int count, double target, double[] out) {
    double nearest = Double.POSITIVE_INFINITY;
    for (int j = 0; j < count; j++) {
      nearest = Math.min(nearest, distances[j]);
    }
    double beta = 1;
    double low = 0;
    double high = Double.POSITIVE_INFINITY;
    for (int step = 0; step < 200; step++) {
      double sum = 0;
      double weighted = 0;
      for (int j = 0; j < count; j++) {
        // Shifting by the nearest distance keeps exp() from underflowing; it cancels in the ratio.
        double w = Math.exp(-beta * (distances[j] - nearest));
        out[j] = w;
        sum += w;
        weighted += w * (distances[j] - nearest);
      }
      double entropy = Math.log(sum) + beta * weighted / sum;
      for (int j = 0; j < count; j++) {
        out[j] /= sum;
      }
      double error = entropy - target;
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
}
