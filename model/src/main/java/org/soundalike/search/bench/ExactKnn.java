package org.soundalike.search.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** Exact top-k by inner product over all vectors (brute force): the ground truth for recall. */
public final class ExactKnn {

  private ExactKnn() {}

  /** For each query, the indices of its {@code k} best vectors among those {@code allowed}. */
  public static int[][] topK(float[][] vectors, float[][] queries, int k, IntPredicate allowed) {
    return IntStream.range(0, queries.length).parallel().mapToObj(q -> topK(vectors, queries[q], k, allowed)).toArray(int[][]::new);
  }

  static int[] topK(float[][] vectors, float[] query, int k, IntPredicate allowed) {
    int[] best = new int[k];
    float[] bestScore = new float[k];
    Arrays.fill(best, -1);
    Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < vectors.length; i++) {
      if (!allowed.test(i)) {
        continue;
      }
      float s = dot(vectors[i], query);
      if (s <= bestScore[k - 1]) {
        continue;
      }
      int pos = k - 1;
      while (pos > 0 && bestScore[pos - 1] < s) {
        bestScore[pos] = bestScore[pos - 1];
        best[pos] = best[pos - 1];
        pos--;
      }
      bestScore[pos] = s;
      best[pos] = i;
    }
    return best;
  }

  static float dot(float[] a, float[] b) {
    // Four partial sums let the JIT pipeline the multiply-adds.
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (; i + 3 < a.length; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return s0 + s1 + s2 + s3;
  }

  /** |approximate ∩ exact| / |exact|, the exact list's unused slots (-1) ignored. */
  public static double recall(List<Integer> approximate, int[] exact) {
    long relevant = Arrays.stream(exact).filter(i -> i >= 0).count();
    if (relevant == 0) {
      return 1.0;
    }
    long found = Arrays.stream(exact).filter(i -> i >= 0 && approximate.contains(i)).count();
    return (double) found / relevant;
  }
}
