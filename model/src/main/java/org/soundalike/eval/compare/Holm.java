package org.soundalike.eval.compare;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for testing a family of hypotheses at once (here: the ten metrics
 * of one comparison at one label fraction): the i-th smallest of m p-values is multiplied by
 * m − i + 1, and the adjusted values are made non-decreasing in that order. Rejecting where the
 * adjusted p-value is below α keeps the family-wise error rate at α.
 */
public final class Holm {

  private Holm() {}

  /** Adjusted p-values, in the order given; NaN stays NaN and does not count towards m. */
  public static double[] adjust(double[] p) {
    Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
        .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    int m = order.length;
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      running = Math.max(running, Math.min(1, (m - rank) * p[order[rank]]));
      adjusted[order[rank]] = running;
    }
    return adjusted;
  }
}
