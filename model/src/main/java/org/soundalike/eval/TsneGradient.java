package org.soundalike.eval;

/** The t-SNE cost gradient for positions {@code y = [x0, y0, x1, y1, ...]}. */
interface TsneGradient {

  /** dC/dy with P multiplied by {@code exaggeration}. */
  void compute(double[] y, double exaggeration, double[] gradient);

  /** KL(P || Q) at {@code y} (estimated the same way as the gradient). */
  double klDivergence(double[] y);
}
