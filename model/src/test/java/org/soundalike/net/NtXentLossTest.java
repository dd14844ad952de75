package org.soundalike.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NtXentLossTest {

  private static double loss(double[][] projections) {
    SameDiff sd = SameDiff.create();
    SDVariable p = sd.var("p", Nd4j.create(projections));
    return NtXentLoss.build(sd, "ssl", p, projections.length, NtXentLoss.TEMPERATURE).eval().getDouble(0);
  }

  @Test
  void twoOrthogonalTracksGiveTheHandComputedValue() {
    // Each anchor: positive cosine 1, two negatives with cosine 0, τ = 0.5:
    // −log(e^2 / (e^2 + e^0 + e^0)) = log(1 + 2e^−2) for all four anchors.
    double[][] p = {{1, 0}, {0, 3}, {2, 0}, {0, 1}};
    assertThat(loss(p)).isCloseTo(Math.log(1 + 2 * Math.exp(-2)), within(1e-12));
  }

  @Test
  void oneTrackHasNoNegativesAndZeroLoss() {
    assertThat(loss(new double[][] {{1, 2, 3}, {-1, 0, 4}})).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void matchesADirectComputationOnRandomProjections() {
    Nd4j.getRandom().setSeed(7);
    double[][] p = Nd4j.randn(DataType.DOUBLE, 6, 4).toDoubleMatrix();
    assertThat(loss(p)).isCloseTo(reference(p, NtXentLoss.TEMPERATURE), within(1e-12));
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    Nd4j.getRandom().setSeed(11);
    INDArray start = Nd4j.randn(DataType.DOUBLE, 4, 3);
    SameDiff sd = SameDiff.create();
    SDVariable p = sd.var("p", start.dup());
    sd.setLossVariables(NtXentLoss.build(sd, "ssl", p, 4, NtXentLoss.TEMPERATURE));
    INDArray analytic = sd.calculateGradients(Map.of(), "p").get("p");
    double h = 1e-6;
    double[][] values = start.toDoubleMatrix();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        double original = values[i][j];
        values[i][j] = original + h;
        double plus = reference(values, NtXentLoss.TEMPERATURE);
        values[i][j] = original - h;
        double minus = reference(values, NtXentLoss.TEMPERATURE);
        values[i][j] = original;
        assertThat(analytic.getDouble(i, j)).isCloseTo((plus - minus) / (2 * h), within(1e-8));
      }
    }
  }

  @Test
  void rejectsAnOddNumberOfViews() {
    SameDiff sd = SameDiff.create();
    SDVariable p = sd.var("p", Nd4j.ones(DataType.DOUBLE, 3, 2));
    assertThatThrownBy(() -> NtXentLoss.build(sd, "ssl", p, 3, 0.5))
        .hasMessageContaining("3 views");
  }

  /** SimCLR's definition written out: rows i and (i + B) mod 2B are the positive pairs. */
  static double reference(double[][] p, double temperature) {
    int n = p.length;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double denominator = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          denominator += Math.exp(cosine(p[i], p[j]) / temperature);
        }
      }
      double positive = Math.exp(cosine(p[i], p[(i + n / 2) % n]) / temperature);
      total += -Math.log(positive / denominator);
    }
    return total / n;
  }

  private static double cosine(double[] a, double[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int k = 0; k < a.length; k++) {
      dot += a[k] * b[k];
      na += a[k] * a[k];
      nb += b[k] * b[k];
    }
    return dot / Math.sqrt(na * nb);
  }
}
