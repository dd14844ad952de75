package org.soundalike.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;

class EmbeddingGraphTest {

  /** Running averages moved away from (0, 1) by one training batch, so folding is exercised. */
  private static NetworkParameters parameters;

  @BeforeAll
  static void trainALittle() {
    parameters = NetworkParameters.initialize(TinyNetworks.TINY, DataType.DOUBLE, 3);
    SameDiffTrainingPass graph = SameDiffTrainingPass.build(parameters, 2, BatchNormKind.FUSED);
    graph.computeGradients(TinyNetworks.batch(DataType.DOUBLE, 4, true, true), 1.0);
  }

  @Test
  void embeddingsAreUnitVectorsAndTagsAreProbabilities() {
    EmbeddingGraph graph = EmbeddingGraph.build(parameters);
    Nd4j.getRandom().setSeed(2);

    EmbeddingGraph.Output out = graph.run(Nd4j.rand(DataType.DOUBLE, 3, AudioSpec.EXCERPT_SAMPLES).subi(0.5));

    assertThat(out.embeddings().shape()).containsExactly(3, TinyNetworks.TINY.embeddingChannels());
    assertThat(out.tagProbabilities().shape()).containsExactly(3, TinyNetworks.TINY.tags());
    for (int i = 0; i < 3; i++) {
      assertThat(out.embeddings().getRow(i).norm2Number().doubleValue()).isCloseTo(1.0, within(1e-9));
    }
    assertThat(out.tagProbabilities().minNumber().doubleValue()).isGreaterThan(0.0);
    assertThat(out.tagProbabilities().maxNumber().doubleValue()).isLessThan(1.0);
  }

  @Test
  void anExcerptsEmbeddingDoesNotDependOnItsBatch() {
    EmbeddingGraph graph = EmbeddingGraph.build(parameters);
    Nd4j.getRandom().setSeed(3);
    INDArray batch = Nd4j.rand(DataType.DOUBLE, 4, AudioSpec.EXCERPT_SAMPLES).subi(0.5);

    INDArray together = graph.run(batch).embeddings();
    INDArray alone = graph.run(batch.getRow(2).reshape(1, -1)).embeddings();

    assertThat(alone.getRow(0).equalsWithEps(together.getRow(2), 1e-10)).isTrue();
  }

  @Test
  void foldingBatchNormIntoTheConvolutionKeepsItsOutput() {
    Nd4j.getRandom().setSeed(4);
    INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 1, 27, 2);
    Conv2DConfig config = Conv2DConfig.builder()
        .kH(1).kW(3).sH(1).sW(1).pH(0).pW(1).paddingMode(PaddingMode.VALID).dataFormat("NHWC").build();

    SameDiff sd = SameDiff.create();
    SDVariable input = sd.constant("x", x);
    SDVariable conv = sd.cnn().conv2d(input, sd.constant("w", parameters.get("block1.w")), config);
    SDVariable normalised = new BatchNormOp(
        sd, conv, sd.constant("m", parameters.get("block1.mean")), sd.constant("v", parameters.get("block1.var")),
        sd.constant("g", parameters.get("block1.gamma")), sd.constant("b", parameters.get("block1.beta")),
        NetworkParameters.BATCH_NORM_EPSILON).outputVariable();
    FoldedConvolution folded = FoldedConvolution.of(parameters, "block1");
    SDVariable direct = sd.cnn().conv2d(
        input, sd.constant("fw", folded.weights()), sd.constant("fb", folded.bias()), config);

    Map<String, INDArray> out = sd.output(Map.of(), normalised.name(), direct.name());
    assertThat(out.get(direct.name()).equalsWithEps(out.get(normalised.name()), 1e-10)).isTrue();
    assertThat(parameters.get("block1.var").sub(1).amaxNumber().doubleValue()).isPositive();
  }
}
