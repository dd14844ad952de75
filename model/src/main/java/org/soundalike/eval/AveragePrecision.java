package org.soundalike.eval;

import java.util.OptionalDouble;

/**
 * PR-AUC of one tag as the paper reports it: average precision, step-wise (no interpolation), as
 * scikit-learn's {@code average_precision_score}: {@code AP = Σ_m (R_m − R_{m−1}) · P_m} over the
 * distinct scores from the highest down, with R_m and P_m the recall and precision of everything
 * scoring at least the m-th threshold (a tied group enters at once).
 */
public final class AveragePrecision {

  private AveragePrecision() {}

  /** Empty when there is no positive or no negative (the caller lists such tags). */
  public static OptionalDouble of(double[] scores, boolean[] positive) {
    return of(ThresholdCurve.of(scores, positive));
  }

  static OptionalDouble of(ThresholdCurve curve) {
    if (!curve.defined()) {
      return OptionalDouble.empty();
    }
    double ap = 0;
    int previousTp = 0;
    for (int m = 0; m < curve.truePositives().length; m++) {
      int tp = curve.truePositives()[m];
      if (tp != previousTp) {
        double recallStep = (double) (tp - previousTp) / curve.positives();
        double precision = (double) tp / (tp + curve.falsePositives()[m]);
        ap += recallStep * precision;
        previousTp = tp;
      }
    }
    return OptionalDouble.of(ap);
  }
}
