package org.soundalike.eval;

import java.util.OptionalDouble;

/**
 * Area under the ROC curve of one tag, as scikit-learn's {@code roc_auc_score}: the trapezoid
 * area under (false-positive rate, true-positive rate) through one point per distinct score,
 * starting at (0, 0). A group of tied scores is one diagonal step, so a positive tied with a
 * negative counts one half.
 */
public final class RocAuc {

  private RocAuc() {}

  /** Empty when there is no positive or no negative: the area is undefined then. */
  public static OptionalDouble of(double[] scores, boolean[] positive) {
    return of(ThresholdCurve.of(scores, positive));
  }

  static OptionalDouble of(ThresholdCurve curve) {
    if (!curve.defined()) {
      return OptionalDouble.empty();
    }
    double area = 0;
    double previousFpr = 0;
    double previousTpr = 0;
    for (int m = 0; m < curve.truePositives().length; m++) {
      double tpr = (double) curve.truePositives()[m] / curve.positives();
      double fpr = (double) curve.falsePositives()[m] / curve.negatives();
      area += (fpr - previousFpr) * (tpr + previousTpr) / 2;
      previousFpr = fpr;
      previousTpr = tpr;
    }
    return OptionalDouble.of(area);
  }
}
