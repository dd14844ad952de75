package org.soundalike.eval;

import java.util.Arrays;

/**
 * M@K, the paper's MAP@K: for tag t and query i having t, walk the top K results; at rank k
 * (1-based) a hit is a result having t, P(k) = hits so far / k, and
 * {@code M@K(i, t) = (Σ_{k ≤ K, hit at k} P(k)) / K} — the divisor is K, not the number of hits
 * (as in the paper's reference code). M@K averages over the queries having t, then over the tags
 * that have at least one query. When fewer than K results exist, the missing ranks are misses and
 * the divisor stays K. Values are fractions in [0, 1].
 *
 * @param queryTags {@code queryTags[i]} the tags of query i
 * @param perQueryTag {@code perQueryTag[i][m]} = M@K(i, queryTags[i][m])
 */
public record MapAtK(int k, int tagCount, int[][] queryTags, double[][] perQueryTag) {

  /** The paper's K values. */
  public static final int[] PAPER_KS = {1, 4, 7, 10};

  public static MapAtK of(Neighbours neighbours, TagLabels labels, int k) {
    int n = neighbours.queries();
    int[][] queryTags = new int[n][];
    double[][] values = new double[n][];
    for (int i = 0; i < n; i++) {
      queryTags[i] = labels.tagsOf(i);
      values[i] = new double[queryTags[i].length];
      int[] results = neighbours.indices()[i];
      int depth = Math.min(k, results.length);
      for (int m = 0; m < queryTags[i].length; m++) {
        int t = queryTags[i][m];
        int hits = 0;
        double sumPrecision = 0;
        for (int r = 0; r < depth; r++) {
          if (labels.has()[results[r]][t]) {
            hits++;
            sumPrecision += (double) hits / (r + 1);
          }
        }
        values[i][m] = sumPrecision / k;
      }
    }
    return new MapAtK(k, labels.tagCount(), queryTags, values);
  }

  public String name() {
    return "M@" + k;
  }

  public double value() {
    int[] ones = new int[queryTags.length];
    Arrays.fill(ones, 1);
    return value(ones);
  }

  /** Query i counted {@code weights[i]} times (a bootstrap resample); tags left without a query are skipped. */
  public double value(int[] weights) {
    double[] sum = new double[tagCount];
    long[] count = new long[tagCount];
    for (int i = 0; i < queryTags.length; i++) {
      if (weights[i] == 0) {
        continue;
      }
      for (int m = 0; m < queryTags[i].length; m++) {
        sum[queryTags[i][m]] += weights[i] * perQueryTag[i][m];
        count[queryTags[i][m]] += weights[i];
      }
    }
    double total = 0;
    int tags = 0;
    for (int t = 0; t < tagCount; t++) {
      if (count[t] > 0) {
        total += sum[t] / count[t];
        tags++;
      }
    }
    return tags == 0 ? Double.NaN : total / tags;
  }

  /** Per tag: M@K(t), or NaN for a tag no query has. */
  public double[] perTag() {
    double[] sum = new double[tagCount];
    int[] count = new int[tagCount];
    for (int i = 0; i < queryTags.length; i++) {
      for (int m = 0; m < queryTags[i].length; m++) {
        sum[queryTags[i][m]] += perQueryTag[i][m];
        count[queryTags[i][m]]++;
      }
    }
    double[] perTag = new double[tagCount];
    for (int t = 0; t < tagCount; t++) {
      perTag[t] = count[t] == 0 ? Double.NaN : sum[t] / count[t];
    }
    return perTag;
  }
}
