package org.soundalike.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MaskedBceLossTest {

  private record Graph(SameDiff sd, SDVariable loss) {}

  private static Graph graph(double[][] logits, double[][] labels, boolean[] labelled) {
    SameDiff sd = SameDiff.create();
    SDVariable x = sd.var("logits", Nd4j.create(logits));
    SDVariable loss = MaskedBceLoss.build(
        sd, "ml", x, sd.constant("labels", Nd4j.create(labels)),
        sd.constant("weights", MaskedBceLoss.viewWeights(labelled, DataType.DOUBLE)));
    sd.setLossVariables(loss);
    return new Graph(sd, loss);
  }

  @Test
  void averagesOverTagsAndOverLabelledViewsOnly() {
    // Views 0 and 2 are the two views of a labelled track; views 1 and 3 are unlabelled and
    // carry labels and logits that would dominate the loss if they were counted.
    double[][] logits = {{0, 2}, {50, -50}, {1, -1}, {50, -50}};
    double[][] labels = {{1, 0}, {0, 1}, {1, 1}, {0, 1}};
    boolean[] labelled = {true, false, true, false};
    double view0 = (Math.log(2) + Math.log(1 + Math.exp(2))) / 2;
    double view2 = (Math.log(1 + Math.exp(-1)) + Math.log(1 + Math.exp(1))) / 2;

    double loss = graph(logits, labels, labelled).loss().eval().getDouble(0);

    assertThat(loss).isCloseTo((view0 + view2) / 2, within(1e-12));
  }

  @Test
  void largeLogitsStayFinite() {
    double loss = graph(new double[][] {{800, -800}}, new double[][] {{0, 1}}, new boolean[] {true})
        .loss().eval().getDouble(0);
    assertThat(loss).isCloseTo(800, within(1e-9));
  }

  @Test
  void aBatchWithoutLabelsHasZeroLossAndAFiniteZeroGradient() {
    Graph g = graph(new double[][] {{3, -1}, {0.5, 2}}, new double[][] {{1, 0}, {0, 1}}, new boolean[] {false, false});

    assertThat(g.loss().eval().getDouble(0)).isEqualTo(0.0);
    INDArray gradient = g.sd().calculateGradients(Map.of(), "logits").get("logits");
    assertThat(gradient.reshape(-1).toDoubleVector()).containsOnly(0.0);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    double[][] logits = {{0.3, -1.2, 2.0}, {-0.7, 0.1, 0.4}, {1.5, -0.2, -2.2}};
    double[][] labels = {{1, 0, 1}, {0, 0, 1}, {1, 1, 0}};
    boolean[] labelled = {true, false, true};
    INDArray analytic = graph(logits, labels, labelled).sd().calculateGradients(Map.of(), "logits").get("logits");
    double h = 1e-6;
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double original = logits[i][j];
        logits[i][j] = original + h;
        double plus = graph(logits, labels, labelled).loss().eval().getDouble(0);
        logits[i][j] = original - h;
        double minus = graph(logits, labels, labelled).loss().eval().getDouble(0);
        logits[i][j] = original;
        assertThat(analytic.getDouble(i, j)).isCloseTo((plus - minus) / (2 * h), within(1e-8));
      }
    }
  }
}
