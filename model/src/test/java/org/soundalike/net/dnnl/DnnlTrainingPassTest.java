package org.soundalike.net.dnnl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.soundalike.net.ArrayAssertions.assertClose;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.BatchNormKind;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.net.TrainingBatch;
import org.soundalike.net.SameDiffTrainingPass;
import org.soundalike.net.TrainingPass;

/**
 * The oneDNN encoder + SameDiff heads pass computes what the product's whole-batch training graph
 * computes (double precision there): the losses, every gradient, and the running averages.
 */
class DnnlTrainingPassTest {

  private static final SampleCnnConfig PROBE =
      new SampleCnnConfig("probe", 16, List.of(16, 24, 32, 32, 32, 32, 32, 32, 32), 32, 8, 4, 3);

  @Test
  void lossesGradientsAndRunningAveragesMatchTheTrainingGraph() {
    NetworkParameters reference = NetworkParameters.initialize(PROBE, DataType.DOUBLE, 21);
    NetworkParameters single = NetworkParameters.initialize(PROBE, DataType.FLOAT, 21);
    Nd4j.getRandom().setSeed(21);
    INDArray first = Nd4j.rand(DataType.DOUBLE, 2, AudioSpec.EXCERPT_SAMPLES).subi(0.5);
    INDArray second = Nd4j.rand(DataType.DOUBLE, 2, AudioSpec.EXCERPT_SAMPLES).subi(0.5);
    INDArray tags = Nd4j.create(new double[][] {{1, 0, 1}, {0, 1, 0}});
    TrainingBatch batch = new TrainingBatch(first, second, tags, new boolean[] {true, false});

    TrainingPass.Result expected = SameDiffTrainingPass.build(reference, 2, BatchNormKind.FUSED).computeGradients(batch, 0.5);
    TrainingPass.Result got;
    try (DnnlContext context = new DnnlContext();
        DnnlTrainingPass pass = DnnlTrainingPass.build(context, single, 2)) {
      got = pass.computeGradients(
          new TrainingBatch(first.castTo(DataType.FLOAT), second.castTo(DataType.FLOAT),
              tags.castTo(DataType.FLOAT), new boolean[] {true, false}),
          0.5);
    }

    assertThat(got.losses().total()).isCloseTo(expected.losses().total(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(got.losses().selfSupervised()).isCloseTo(expected.losses().selfSupervised(), org.assertj.core.data.Offset.offset(1e-4));
    assertThat(got.gradients().keySet()).containsExactlyInAnyOrderElementsOf(expected.gradients().keySet());
    for (Map.Entry<String, INDArray> e : expected.gradients().entrySet()) {
      assertClose("d" + e.getKey(), got.gradients().get(e.getKey()), e.getValue(), 2e-3);
    }
    for (Map.Entry<String, INDArray> e : reference.runningStatistics().entrySet()) {
      assertClose(e.getKey(), single.runningStatistics().get(e.getKey()), e.getValue(), 1e-4);
    }
  }
}
