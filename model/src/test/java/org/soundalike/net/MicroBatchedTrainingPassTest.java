package org.soundalike.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class MicroBatchedTrainingPassTest {

  private static final double LAMBDA = 0.4;

  @Test
  void oneSliceOfAllViewsGivesTheWholeGraphsLossesAndGradients() {
    TrainingBatch batch = TinyNetworks.batch(DataType.DOUBLE, 21, true, false);
    TrainingPass.Result whole = SameDiffTrainingPass.build(
            NetworkParameters.initialize(TinyNetworks.TINY, DataType.DOUBLE, 8), 2, BatchNormKind.FUSED)
        .computeGradients(batch, LAMBDA);
    TrainingPass.Result sliced = MicroBatchedTrainingPass.build(
            NetworkParameters.initialize(TinyNetworks.TINY, DataType.DOUBLE, 8), 2, 4)
        .computeGradients(batch, LAMBDA);

    assertThat(sliced.losses().total()).isCloseTo(whole.losses().total(), within(1e-12));
    assertThat(sliced.losses().metricLearning()).isCloseTo(whole.losses().metricLearning(), within(1e-12));
    for (Map.Entry<String, INDArray> g : whole.gradients().entrySet()) {
      assertThat(sliced.gradients().get(g.getKey()).equalsWithEps(g.getValue(), 1e-10))
          .as(g.getKey()).isTrue();
    }
  }

  @Test
  void slicedGradientsMatchFiniteDifferencesOfTheSlicedLoss() {
    NetworkParameters parameters = NetworkParameters.initialize(TinyNetworks.TINY, DataType.DOUBLE, 8);
    MicroBatchedTrainingPass pass = MicroBatchedTrainingPass.build(parameters, 2, 2);
    TrainingBatch batch = TinyNetworks.batch(DataType.DOUBLE, 22, true, true);
    Map<String, INDArray> gradients = pass.computeGradients(batch, LAMBDA).gradients();

    double h = 1e-6;
    for (String name : List.of("tags.w", "projector.w2", "stem.w", "block3.gamma", "final.beta")) {
      INDArray flat = parameters.trainable().get(name).reshape(-1);
      INDArray gradient = gradients.get(name).reshape(-1);
      double original = flat.getDouble(1);
      flat.putScalar(1, original + h);
      double plus = pass.losses(batch, LAMBDA).total();
      flat.putScalar(1, original - h);
      double minus = pass.losses(batch, LAMBDA).total();
      flat.putScalar(1, original);
      double numeric = (plus - minus) / (2 * h);
      assertThat(gradient.getDouble(1)).as("dL/d%s[1]", name)
          .isCloseTo(numeric, within(1e-6 + 1e-4 * Math.abs(numeric)));
    }
  }

  @Test
  void sliceSizeMustDivideTheViews() {
    NetworkParameters parameters = NetworkParameters.initialize(TinyNetworks.TINY, DataType.DOUBLE, 8);
    assertThatThrownBy(() -> MicroBatchedTrainingPass.build(parameters, 3, 4))
        .hasMessageContaining("divide the 6 views");
  }
}
