package org.soundalike.net.dnnl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.EmbeddingGraph;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;

/** The chained oneDNN encoder computes the product's inference h (EmbeddingGraph, double). */
class DnnlInferenceEncoderTest {

  private static final SampleCnnConfig PROBE =
      new SampleCnnConfig("probe", 16, List.of(16, 24, 32, 32, 32, 32, 32, 32, 32), 32, 8, 4, 3);

  @Test
  void encodesLikeTheSameDiffInferenceGraph() {
    NetworkParameters parameters = NetworkParameters.initialize(PROBE, DataType.DOUBLE, 5);
    Nd4j.getRandom().setSeed(5);
    // Running averages and affine parameters away from their initial values, so that folding shows.
    for (NetworkParameters.ConvLayer layer : NetworkParameters.ConvLayer.of(PROBE)) {
      parameters.get(layer.name() + ".gamma").assign(Nd4j.rand(DataType.DOUBLE, layer.out()).addi(0.5));
      parameters.get(layer.name() + ".beta").assign(Nd4j.rand(DataType.DOUBLE, layer.out()).subi(0.5));
      parameters.get(layer.name() + ".mean").assign(Nd4j.rand(DataType.DOUBLE, layer.out()).subi(0.5).muli(0.1));
      parameters.get(layer.name() + ".var").assign(Nd4j.rand(DataType.DOUBLE, layer.out()).addi(0.5));
    }
    INDArray audio = Nd4j.rand(DataType.DOUBLE, 2, AudioSpec.EXCERPT_SAMPLES).subi(0.5);
    INDArray expected = EmbeddingGraph.build(parameters).encode(audio);

    try (DnnlContext context = new DnnlContext();
        DnnlInferenceEncoder encoder = new DnnlInferenceEncoder(context, parameters, 2)) {
      INDArray h = encoder.encode(audio.castTo(DataType.FLOAT));
      assertThat(h.shape()).containsExactly(2, PROBE.embeddingChannels());
      double scale = expected.amaxNumber().doubleValue();
      assertThat(scale).isPositive();
      double[] got = h.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
      double[] want = expected.reshape(-1).toDoubleVector();
      for (int i = 0; i < want.length; i++) {
        assertThat(Math.abs(got[i] - want[i])).as("h[%d]: got %s, expected %s", i, got[i], want[i])
            .isLessThanOrEqualTo(1e-3 * scale);
      }
      // Same batch again: nothing of the first call leaks into the second.
      assertThat(encoder.encode(audio.castTo(DataType.FLOAT))).isEqualTo(h);
    }
  }

  @Test
  void rejectsABatchOfAnotherSize() {
    NetworkParameters parameters = NetworkParameters.initialize(PROBE, DataType.FLOAT, 5);
    try (DnnlContext context = new DnnlContext();
        DnnlInferenceEncoder encoder = new DnnlInferenceEncoder(context, parameters, 2)) {
      assertThatThrownBy(() -> encoder.encode(Nd4j.zeros(DataType.FLOAT, 3, AudioSpec.EXCERPT_SAMPLES)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[3, 59049]");
    }
  }
}
