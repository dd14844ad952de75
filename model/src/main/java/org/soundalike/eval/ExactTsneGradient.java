package org.soundalike.eval;

/** The exact O(n²) gradient over a dense joint P ({@code p[i * n + j]}). */
final class ExactTsneGradient implements TsneGradient {

  private final double[] p;
  private final int n;
  private final RowRanges rows;

  ExactTsneGradient(double[] p, int n, RowRanges rows) {
    this.p = p;
    this.n = n;
    this.rows = rows;
  }

  /**
   * dC/dy_i = 4 Σ_j (e·p_ij − q_ij) w_ij (y_i − y_j) with w_ij = (1 + |y_i − y_j|²)⁻¹ and
   * q_ij = w_ij / Z. Written as 4 (A_i − B_i / Z) with A_i = Σ e·p_ij w_ij (y_i − y_j) and
   * B_i = Σ w_ij² (y_i − y_j), so one pass over the pairs gives A, B and the row sums of Z.
   */
  @Override
  public void compute(double[] y, double exaggeration, double[] gradient) {
    double[] rowSums = new double[n];
    double[] attraction = new double[2 * n];
    double[] repulsion = new double[2 * n];
    rows.run(n, (from, to) -> {
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
    TsneGradient.combine(attraction, repulsion, rowSums, gradient);
  }

  @Override
  public double klDivergence(double[] y) {
    double z = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j != i) {
          z += weight(y, i, j);
        }
      }
    }
    double kl = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double q = Math.max(weight(y, i, j) / z, 1e-12);
          kl += p[i * n + j] * Math.log(p[i * n + j] / q);
        }
      }
    }
    return kl;
  }

  static double weight(double[] y, int i, int j) {
    double dx = y[2 * i] - y[2 * j];
    double dy = y[2 * i + 1] - y[2 * j + 1];
    return 1 / (1 + dx * dx + dy * dy);
  }
}
