package org.soundalike.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class SameDiffTrainingPassTest {

  private static final double LAMBDA = 0.7;

  // Building the backward graph takes seconds: the tests share one graph (and its parameters).
  private static NetworkParameters parameters;
  private static SameDiffTrainingPass graph;

  @BeforeAll
  static void buildGraph() {
    parameters = NetworkParameters.initialize(TinyNetworks.TINY, DataType.DOUBLE, 3);
    graph = SameDiffTrainingPass.build(parameters, 2, BatchNormKind.FUSED);
  }

  /**
   * Central differences of L = L_ML + λ·L_SSL through the whole tiny network, in double precision,
   * against the graph's gradients: the tag head, the projector, batch-norm γ and β, and conv
   * weights (the first, a middle and the last layer).
   */
  @Test
  void gradientsMatchFiniteDifferencesThroughTheWholeNetwork() {
    TrainingBatch batch = TinyNetworks.batch(DataType.DOUBLE, 5, true, false);
    Map<String, INDArray> gradients = graph.computeGradients(batch, LAMBDA).gradients();

    List<String> checked = List.of(
        "tags.w", "projector.w1", "projector.w2", "stem.w", "stem.gamma", "stem.beta",
        "block5.w", "block5.gamma", "final.w", "final.beta");
    double h = 1e-6;
    for (String name : checked) {
      INDArray parameter = parameters.trainable().get(name);
      INDArray flat = parameter.reshape(parameter.length());
      INDArray gradient = gradients.get(name).dup().reshape(parameter.length());
      for (long i = 0; i < Math.min(2, parameter.length()); i++) {
        double original = flat.getDouble(i);
        flat.putScalar(i, original + h);
        double plus = graph.losses(batch, LAMBDA).total();
        flat.putScalar(i, original - h);
        double minus = graph.losses(batch, LAMBDA).total();
        flat.putScalar(i, original);
        double numeric = (plus - minus) / (2 * h);
        assertThat(gradient.getDouble(i))
            .as("dL/d%s[%d]", name, i)
            .isCloseTo(numeric, within(1e-6 + 1e-4 * Math.abs(numeric)));
      }
    }
  }

  @Test
  void theTagHeadIsTrainedOnlyByTheMetricLearningLoss() {

    SameDiffTrainingPass.Result unlabelled = graph.computeGradients(TinyNetworks.batch(DataType.DOUBLE, 9, false, false), 1.0);

    assertThat(unlabelled.losses().metricLearning()).isEqualTo(0.0);
    assertThat(unlabelled.losses().selfSupervised()).isPositive();
    assertThat(unlabelled.losses().total()).isEqualTo(unlabelled.losses().selfSupervised());
    assertThat(unlabelled.gradients().get("tags.w").amaxNumber().doubleValue()).isEqualTo(0.0);
    assertThat(unlabelled.gradients().get("stem.w").amaxNumber().doubleValue()).isPositive();
  }

  @Test
  void lambdaZeroLeavesTheProjectorWithoutGradient() {

    SameDiffTrainingPass.Result result = graph.computeGradients(TinyNetworks.batch(DataType.DOUBLE, 9, true, true), 0.0);

    assertThat(result.losses().total()).isCloseTo(result.losses().metricLearning(), within(1e-15));
    assertThat(result.gradients().get("projector.w1").amaxNumber().doubleValue()).isEqualTo(0.0);
    assertThat(result.gradients().get("tags.w").amaxNumber().doubleValue()).isPositive();
  }

  @Test
  void aTrainingStepMovesTheRunningAveragesTowardsTheBatchStatistics() {
    INDArray before = parameters.runningStatistics().get("stem.var").dup();

    graph.computeGradients(TinyNetworks.batch(DataType.DOUBLE, 9, true, true), 1.0);

    // Momentum 0.1: new = 0.9 × old + 0.1 × (unbiased batch variance), per channel.
    INDArray after = parameters.runningStatistics().get("stem.var");
    assertThat(after.equalsWithEps(before, 1e-12)).isFalse();
    assertThat(after.sub(before.mul(0.9)).minNumber().doubleValue()).isPositive();
  }

  @Test
  void rejectsABatchOfAnotherSize() {
    assertThatThrownBy(() -> graph.losses(TinyNetworks.batch(DataType.DOUBLE, 1, true, true, true), 1.0))
        .hasMessageContaining("2 tracks, got 3");
  }
}
