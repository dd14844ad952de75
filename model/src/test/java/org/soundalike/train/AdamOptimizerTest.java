package org.soundalike.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;

class AdamOptimizerTest {

  private static final SampleCnnConfig TINY =
      new SampleCnnConfig("tiny", 2, java.util.List.of(2, 2, 2, 2, 2, 2, 2, 2, 2), 2, 2, 2, 3);

  @Test
  void twoStepsFollowPyTorchsAdamWithL2WeightDecay() {
    NetworkParameters parameters = NetworkParameters.initialize(TINY, DataType.DOUBLE, 1);
    INDArray w = parameters.trainable().get("tags.w");
    double[] start = w.reshape(-1).toDoubleVector();
    double lr = 1e-3;
    double decay = 1e-2;
    AdamOptimizer adam = new AdamOptimizer(parameters, lr, decay);
    double[][] gradients = {{0.5, -2, 0.1, 0, 3, -0.25}, {-0.5, 1, 0.3, 0.2, 3, 0.75}};

    double[] expected = start.clone();
    double[] m = new double[6];
    double[] v = new double[6];
    for (int t = 1; t <= 2; t++) {
      INDArray gradient = Nd4j.create(gradients[t - 1], new long[] {2, 3}, DataType.DOUBLE);
      Map<String, INDArray> step = new HashMap<>(Map.of("tags.w", gradient));
      adam.step(step, Set.of("tags.w"));
      for (int i = 0; i < 6; i++) {
        double g = gradients[t - 1][i] + decay * expected[i];
        m[i] = 0.9 * m[i] + 0.1 * g;
        v[i] = 0.999 * v[i] + 0.001 * g * g;
        double mHat = m[i] / (1 - Math.pow(0.9, t));
        double vHat = v[i] / (1 - Math.pow(0.999, t));
        expected[i] -= lr * mHat / (Math.sqrt(vHat) + 1e-8);
      }
    }

    double[] actual = w.reshape(-1).toDoubleVector();
    for (int i = 0; i < 6; i++) {
      assertThat(actual[i]).as("w[%d]", i).isCloseTo(expected[i], within(1e-9));
    }
    assertThat(adam.iteration()).isEqualTo(2);
  }

  @Test
  void parametersLeftOutOfTheStepDoNotMove() {
    NetworkParameters parameters = NetworkParameters.initialize(TINY, DataType.DOUBLE, 1);
    INDArray before = parameters.trainable().get("stem.w").dup();
    AdamOptimizer adam = new AdamOptimizer(parameters, 1e-3, 0);

    adam.step(new HashMap<>(Map.of("stem.w", Nd4j.ones(DataType.DOUBLE, before.shape()))), Set.of("tags.w"));

    assertThat(parameters.trainable().get("stem.w")).isEqualTo(before);
  }
}
