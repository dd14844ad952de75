package org.soundalike.eval;

import java.util.Arrays;

/**
 * Cumulative true and false positives at each distinct score, highest score first: the points of
 * scikit-learn's {@code _binary_clf_curve}. Tied scores form ONE threshold (all of them enter
 * together), which is what makes ROC-AUC give ties half credit and average precision use the
 * precision of the whole tied group.
 *
 * @param truePositives {@code truePositives[m]} = positives with score ≥ the m-th highest distinct score
 * @param falsePositives likewise for negatives
 */
record ThresholdCurve(int positives, int negatives, int[] truePositives, int[] falsePositives) {

  static ThresholdCurve of(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(scores.length + " scores for " + positive.length + " labels");
    }
    int p = 0;
    for (boolean b : positive) {
      p += b ? 1 : 0;
    }
    double[] pos = new double[p];
    double[] neg = new double[scores.length - p];
    int a = 0;
    int b = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is not finite: " + scores[i]);
      }
      // + 0.0 turns -0.0 into 0.0: Arrays.sort orders -0.0 below 0.0, but they are one threshold.
      if (positive[i]) {
        pos[a++] = scores[i] + 0.0;
      } else {
        neg[b++] = scores[i] + 0.0;
      }
    }
    Arrays.sort(pos);
    Arrays.sort(neg);
    int[] tps = new int[scores.length];
    int[] fps = new int[scores.length];
    int points = 0;
    int tp = 0;
    int fp = 0;
    a = pos.length - 1;
    b = neg.length - 1;
    while (a >= 0 || b >= 0) {
      double threshold = Math.max(a >= 0 ? pos[a] : Double.NEGATIVE_INFINITY, b >= 0 ? neg[b] : Double.NEGATIVE_INFINITY);
      while (a >= 0 && pos[a] == threshold) {
        tp++;
        a--;
      }
      while (b >= 0 && neg[b] == threshold) {
        fp++;
        b--;
      }
      tps[points] = tp;
      fps[points] = fp;
      points++;
    }
    return new ThresholdCurve(p, scores.length - p, Arrays.copyOf(tps, points), Arrays.copyOf(fps, points));
  }

  boolean defined() {
    return positives > 0 && negatives > 0;
  }
}
