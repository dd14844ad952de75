package org.soundalike.eval;

/** The t-SNE cost gradient for positions {@code y = [x0, y0, x1, y1, ...]}. */
interface TsneGradient {

  /** dC/dy with P multiplied by {@code exaggeration}. */
  void compute(double[] y, double exaggeration, double[] gradient);

  /** KL(P || Q) at {@code y} (estimated the same way as the gradient). */
  double klDivergence(double[] y);

  /**
   * dC/dy = 4 (F_attr − F_rep / Z), where Z (the sum of the unnormalised Student-t weights over
   * all pairs) is the sum of the per-row sums.
   */
  static void combine(double[] attraction, double[] repulsion, double[] rowSums, double[] gradient) {
    double z = 0;
    for (double sum : rowSums) {
      z += sum;
    }
    for (int c = 0; c < attraction.length; c++) {
      gradient[c] = 4 * (attraction[c] - repulsion[c] / z);
    }
  }
}
