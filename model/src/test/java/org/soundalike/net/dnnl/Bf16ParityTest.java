package org.soundalike.net.dnnl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.LayerTrainingGraph;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.Precision;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.net.TrainingBatch;
import org.soundalike.net.TrainingPass;

/**
 * bf16 on the oneDNN engine computes what float32 computes, to bf16's accuracy: the reference runs
 * in double, so the measured error is the bf16 error. bf16 keeps 8 significant bits (a relative
 * rounding error of up to 2⁻⁹ ≈ 0.2 % per value); activations and gradients are rounded at every
 * layer, so the tolerances are relative to the whole array (‖got − expected‖ / ‖expected‖). One
 * block: output 1 % (measured 0.3 %), dγ 2 % (0.5–1.1 %), dβ 6 %, dx and dW 8 % (measured up to
 * 3.5 %, 5.1 % and 4.8 %: sums in which large terms cancel, through batch norm's backward, so
 * the bf16 rounding of dL/dy weighs more). A float32 block is ~10⁻⁵ off by the same measure.
 */
class Bf16ParityTest {

  private static final SampleCnnConfig PROBE =
      new SampleCnnConfig("probe", 16, List.of(16, 24, 32, 32, 32, 32, 32, 32, 32), 32, 8, 4, 3);

  private static final int BATCH = 4;

  private static DnnlContext context;

  @BeforeAll
  static void openEngine() {
    context = new DnnlContext();
  }

  @AfterAll
  static void closeEngine() {
    context.close();
  }

  @ParameterizedTest(name = "layer {0}, {1} frames in")
  @CsvSource({"0, 729", "1, 243", "2, 243", "10, 9"})
  void oneBlockMatchesDoublePrecisionToBf16Accuracy(int index, long length) {
    NetworkParameters reference = NetworkParameters.initialize(PROBE, DataType.DOUBLE, 31);
    NetworkParameters.ConvLayer layer = NetworkParameters.ConvLayer.of(PROBE).get(index);
    Nd4j.getRandom().setSeed(200 + index);
    reference.get(layer.name() + ".gamma").assign(Nd4j.rand(DataType.DOUBLE, layer.out()).addi(0.5));
    reference.get(layer.name() + ".beta").assign(Nd4j.rand(DataType.DOUBLE, layer.out()).subi(0.5));
    INDArray x = Nd4j.rand(DataType.DOUBLE, BATCH, 1, length, layer.in()).subi(0.5);
    long outLength = layer.pooled() ? length / layer.stride() / 3 : length / layer.stride();
    INDArray dy = Nd4j.rand(DataType.DOUBLE, BATCH, 1, outLength, layer.out()).subi(0.5);
    LayerTrainingGraph.Result expected =
        LayerTrainingGraph.build(reference, layer, BATCH, length).forwardBackward(x, dy);

    boolean stem = layer.in() == 1;
    try (DnnlConvBlock block = new DnnlConvBlock(context, layer, Precision.BF16, BATCH, length, !stem)) {
      block.setParameters(
          reference.get(layer.name() + ".w").castTo(DataType.FLOAT),
          reference.get(layer.name() + ".gamma").castTo(DataType.FLOAT),
          reference.get(layer.name() + ".beta").castTo(DataType.FLOAT));
      INDArray y = block.forward(x.castTo(DataType.FLOAT));
      BlockGradients got = block.backward(dy.castTo(DataType.FLOAT));
      assertWithin("y", y, expected.output(), 0.01);
      assertWithin("dW", got.weights(), expected.weightGradient(), 0.08);
      assertWithin("dgamma", got.gamma(), expected.gammaGradient(), 0.02);
      assertWithin("dbeta", got.beta(), expected.betaGradient(), 0.06);
      if (!stem) {
        assertWithin("dx", got.input(), expected.inputGradient(), 0.08);
      }
    }
  }

  /**
   * A whole pass cannot be held to bf16's per-layer accuracy, and this test states how far it is
   * off. On random audio at initialisation the views differ from each other by ~1 % of the
   * activations' size in the early layers (the rest is variation within a view that pooling
   * averages away), bf16 rounds every activation by up to 0.4 %, and batch norm rescales the
   * differences between views to unit size layer after layer: h moves by ~15 %, the loss by
   * 3–11 %, and the gradients by 50–100 % per array (docs/benchmarks/bf16.md). Bounds asserted
   * here: the same gradients exist and are finite, and the loss is within 15 % of float32's.
   */
  @Test
  void aWholePassStaysNearTheFloatPass() {
    Nd4j.getRandom().setSeed(41);
    int tracks = 4;
    TrainingBatch batch = new TrainingBatch(
        Nd4j.rand(DataType.FLOAT, tracks, AudioSpec.EXCERPT_SAMPLES).subi(0.5),
        Nd4j.rand(DataType.FLOAT, tracks, AudioSpec.EXCERPT_SAMPLES).subi(0.5),
        Nd4j.rand(DataType.FLOAT, tracks, PROBE.tags()).gt(0.5).castTo(DataType.FLOAT),
        new boolean[] {true, false, true, true});
    // DnnlTrainingPassTest checks the float pass against the double-precision SameDiff graph.
    TrainingPass.Result expected = gradients(batch, Precision.FP32);
    TrainingPass.Result got = gradients(batch, Precision.BF16);

    assertThat(got.losses().total()).isCloseTo(expected.losses().total(), Percentage.withPercentage(15));
    assertThat(got.losses().selfSupervised()).isCloseTo(expected.losses().selfSupervised(), Percentage.withPercentage(15));
    assertThat(got.gradients().keySet()).containsExactlyInAnyOrderElementsOf(expected.gradients().keySet());
    for (Map.Entry<String, INDArray> e : got.gradients().entrySet()) {
      double norm = e.getValue().norm2Number().doubleValue();
      assertThat(Double.isFinite(norm) && norm > 0).as("d%s finite and non-zero: %s", e.getKey(), norm).isTrue();
    }
  }

  /** Losses and gradients of one pass on freshly initialised (so identical) parameters. */
  private static TrainingPass.Result gradients(TrainingBatch batch, Precision precision) {
    NetworkParameters parameters = NetworkParameters.initialize(PROBE, DataType.FLOAT, 41);
    try (DnnlTrainingPass pass = DnnlTrainingPass.build(context, parameters, batch.tracks(), precision)) {
      TrainingPass.Result result = pass.computeGradients(batch, 0.5);
      Map<String, INDArray> owned = new java.util.HashMap<>();
      result.gradients().forEach((name, g) -> owned.put(name, g.dup()));
      return new TrainingPass.Result(result.losses(), owned);
    }
  }

  /** ‖got − expected‖₂ ≤ relative · ‖expected‖₂. */
  private static void assertWithin(String what, INDArray got, INDArray expected, double relative) {
    assertThat(got.shape()).as(what + " shape").isEqualTo(expected.shape());
    double error = distance(got, expected);
    assertThat(error).as(what + ": relative error").isLessThanOrEqualTo(relative);
  }

  /** ‖got − expected‖₂ / ‖expected‖₂. */
  private static double distance(INDArray got, INDArray expected) {
    INDArray e = expected.castTo(DataType.DOUBLE);
    return got.castTo(DataType.DOUBLE).sub(e).norm2Number().doubleValue() / e.norm2Number().doubleValue();
  }
}
