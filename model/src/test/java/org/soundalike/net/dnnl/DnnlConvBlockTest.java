package org.soundalike.net.dnnl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.net.LayerTrainingGraph;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.Precision;
import org.soundalike.net.SampleCnnConfig;

/**
 * The oneDNN block computes what the product's SameDiff layer computes: the same output and the
 * same gradients for x, W, γ and β (the reference runs in double precision, so the comparison
 * measures oneDNN's float error), and the batch statistics the running averages need.
 */
class DnnlConvBlockTest {

  /** Channel counts that are, and are not, multiples of oneDNN's 16-channel blocks. */
  private static final SampleCnnConfig PROBE =
      new SampleCnnConfig("probe", 16, List.of(16, 24, 32, 32, 32, 32, 32, 32, 32), 32, 8, 4, 3);

  private static final int BATCH = 3;

  private static DnnlContext context;

  @BeforeAll
  static void openEngine() {
    context = new DnnlContext();
  }

  @AfterAll
  static void closeEngine() {
    context.close();
  }

  @ParameterizedTest(name = "{0}, {1} frames in")
  @CsvSource({"0, 243", "1, 81", "2, 81", "10, 9"})
  void forwardAndGradientsMatchTheSameDiffLayer(int index, long length) {
    NetworkParameters reference = NetworkParameters.initialize(PROBE, DataType.DOUBLE, 11);
    NetworkParameters.ConvLayer layer = NetworkParameters.ConvLayer.of(PROBE).get(index);
    Nd4j.getRandom().setSeed(100 + index);
    // γ and β away from 1 and 0, so that a swapped or ignored scale or shift shows.
    reference.get(layer.name() + ".gamma").assign(Nd4j.rand(DataType.DOUBLE, layer.out()).addi(0.5));
    reference.get(layer.name() + ".beta").assign(Nd4j.rand(DataType.DOUBLE, layer.out()).subi(0.5));
    INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, 1, length, layer.in()).subi(0.5);
    long outLength = layer.pooled() ? length / layer.stride() / 3 : length / layer.stride();
    INDArray dy = Nd4j.rand(DataType.DOUBLE, BATCH, 1, outLength, layer.out()).subi(0.5);

    LayerTrainingGraph.Result expected =
        LayerTrainingGraph.build(reference, layer, BATCH, length).forwardBackward(x, dy);

    boolean stem = layer.in() == 1;
    try (DnnlConvBlock block = new DnnlConvBlock(context, layer, Precision.FP32, BATCH, length, !stem)) {
      block.setParameters(
          reference.get(layer.name() + ".w").castTo(DataType.FLOAT),
          reference.get(layer.name() + ".gamma").castTo(DataType.FLOAT),
          reference.get(layer.name() + ".beta").castTo(DataType.FLOAT));
      INDArray y = block.forward(x.castTo(DataType.FLOAT));
      BlockGradients got = block.backward(dy.castTo(DataType.FLOAT));

      assertClose("y", y, expected.output());
      assertClose("dW", got.weights(), expected.weightGradient());
      assertClose("dgamma", got.gamma(), expected.gammaGradient());
      assertClose("dbeta", got.beta(), expected.betaGradient());
      if (stem) {
        assertThat(got.input()).isNull();
      } else {
        assertClose("dx", got.input(), expected.inputGradient());
      }

      INDArray convolved = convolve(x, reference.get(layer.name() + ".w"), layer.stride());
      INDArray mean = convolved.mean(0, 1, 2);
      INDArray variance = convolved.sub(mean.reshape(1, 1, 1, -1)).muli(convolved.sub(mean.reshape(1, 1, 1, -1)))
          .mean(0, 1, 2);
      assertClose("batch mean", block.batchMean(), mean);
      assertClose("batch variance", block.batchVariance(), variance);
      assertThat(block.statisticsCount()).isEqualTo(BATCH * (length / layer.stride()));
    }
  }

  @Test
  void aSecondCallWithNewWeightsUsesThem() {
    long length = 81;
    NetworkParameters reference = NetworkParameters.initialize(PROBE, DataType.DOUBLE, 12);
    NetworkParameters.ConvLayer layer = NetworkParameters.ConvLayer.of(PROBE).get(1);
    Nd4j.getRandom().setSeed(7);
    INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, 1, length, layer.in()).subi(0.5);
    INDArray dy = Nd4j.rand(DataType.DOUBLE, BATCH, 1, length / 3, layer.out()).subi(0.5);
    try (DnnlConvBlock block = new DnnlConvBlock(context, layer, Precision.FP32, BATCH, length, true)) {
      INDArray w = reference.get(layer.name() + ".w");
      block.setParameters(w.castTo(DataType.FLOAT),
          reference.get(layer.name() + ".gamma").castTo(DataType.FLOAT),
          reference.get(layer.name() + ".beta").castTo(DataType.FLOAT));
      block.forward(x.castTo(DataType.FLOAT));
      block.backward(dy.castTo(DataType.FLOAT));

      // An optimizer step changed W: after setParameters the block must compute with the new W.
      w.muli(-0.5);
      LayerTrainingGraph.Result expected =
          LayerTrainingGraph.build(reference, layer, BATCH, length).forwardBackward(x, dy);
      block.setParameters(w.castTo(DataType.FLOAT),
          reference.get(layer.name() + ".gamma").castTo(DataType.FLOAT),
          reference.get(layer.name() + ".beta").castTo(DataType.FLOAT));
      INDArray y = block.forward(x.castTo(DataType.FLOAT));
      BlockGradients got = block.backward(dy.castTo(DataType.FLOAT));
      assertClose("y", y, expected.output());
      assertClose("dx", got.input(), expected.inputGradient());
      assertClose("dW", got.weights(), expected.weightGradient());
    }
  }

  /** Plain 1-D convolution (NHWC in, [1, 3, in, out] weights), padding 1 for stride 1, none for 3. */
  private static INDArray convolve(INDArray x, INDArray w, int stride) {
    int pad = stride == 1 ? 1 : 0;
    long batch = x.size(0);
    long length = x.size(2);
    long in = x.size(3);
    long out = w.size(3);
    long outLength = length / stride;
    INDArray y = Nd4j.zeros(DataType.DOUBLE, batch, 1, outLength, out);
    for (long n = 0; n < batch; n++) {
      for (long t = 0; t < outLength; t++) {
        for (long o = 0; o < out; o++) {
          double sum = 0;
          for (int k = 0; k < 3; k++) {
            long s = t * stride + k - pad;
            if (s < 0 || s >= length) {
              continue;
            }
            for (long c = 0; c < in; c++) {
              sum += x.getDouble(n, 0, s, c) * w.getDouble(0, k, c, o);
            }
          }
          y.putScalar(new long[] {n, 0, t, o}, sum);
        }
      }
    }
    return y;
  }

  /** Float accuracy relative to the largest magnitude of the expected values. */
  private static void assertClose(String what, INDArray got, INDArray expected) {
    assertThat(got.shape()).as(what + " shape").isEqualTo(expected.shape());
    double[] g = got.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    double[] e = expected.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    double scale = 0;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    double tolerance = 2e-4 * Math.max(scale, 1e-3);
    for (int i = 0; i < e.length; i++) {
      assertThat(Math.abs(g[i] - e[i])).as("%s[%d]: got %s, expected %s", what, i, g[i], e[i])
          .isLessThanOrEqualTo(tolerance);
    }
  }
}
