package org.soundalike.net;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.soundalike.audio.AudioSpec;

/**
 * Writes SampleCNN, its projector and its metric-learning head into a SameDiff graph. The audio
 * runs as NHWC {@code [batch, 1, time, channels]}: with the oneDNN natives, 1×3 convolutions and
 * pools in this layout are several times faster than NCHW or the 1-D ops (docs/benchmarks/net.md).
 */
final class SampleCnnGraph {

  /** Names of one batch-norm layer's batch statistics in a training graph. */
  record BatchStatistics(String layer, SDVariable mean, SDVariable variance, long countPerExample) {}

  private final SameDiff sd;
  private final NetworkParameters parameters;
  private final List<BatchStatistics> statistics = new ArrayList<>();

  SampleCnnGraph(SameDiff sd, NetworkParameters parameters) {
    this.sd = sd;
    this.parameters = parameters;
  }

  /** The batch statistics the last {@link #encoder} call exposed (training graphs only). */
  List<BatchStatistics> batchStatistics() {
    return List.copyOf(statistics);
  }

  /** A graph variable bound to the parameter array of that name (created once per graph). */
  SDVariable parameter(String name) {
    return sd.hasVariable(name) ? sd.getVariable(name) : sd.var(name, parameters.get(name));
  }

  /**
   * h = f(audio): audio {@code [batch, 59049]} → h {@code [batch, embeddingChannels]}.
   *
   * @param training batch statistics (training) or running averages (inference) in batch norm
   */
  SDVariable encoder(SDVariable audio, boolean training, BatchNormKind kind) {
    SDVariable x = sd.reshape(audio, -1, 1, AudioSpec.EXCERPT_SAMPLES, 1);
    long length = AudioSpec.EXCERPT_SAMPLES;
    for (NetworkParameters.ConvLayer layer : NetworkParameters.ConvLayer.of(parameters.config())) {
      x = layer(x, layer, training, kind, length);
      length = outputLength(layer, length);
    }
    return sd.reshape("h", x, -1, parameters.config().embeddingChannels());
  }

  /** Frames out of one layer for {@code length} frames in: the stem's stride or the block's pool divide by 3. */
  static long outputLength(NetworkParameters.ConvLayer layer, long length) {
    long out = length / layer.stride();
    return layer.pooled() ? out / SampleCnnConfig.KERNEL : out;
  }

  /**
   * One encoder layer on NHWC {@code [batch, 1, length, in]}: conv 1×3 (+ batch norm) + ReLU
   * (+ max-pool 3/3 for the nine blocks).
   */
  SDVariable layer(SDVariable x, NetworkParameters.ConvLayer layer, boolean training, BatchNormKind kind, long length) {
    int padding = layer.stride() == 1 ? 1 : 0;
    Conv2DConfig convolution = Conv2DConfig.builder()
        .kH(1).kW(SampleCnnConfig.KERNEL)
        .sH(1).sW(layer.stride())
        .pH(0).pW(padding)
        .paddingMode(PaddingMode.VALID)
        .dataFormat("NHWC")
        .build();
    long convolved = length / layer.stride();
    if (training) {
      x = sd.cnn().conv2d(layer.name() + ".conv", x, parameter(layer.name() + ".w"), convolution);
      x = batchNorm(layer.name(), x, kind, convolved);
    } else {
      // Inference: batch norm on fixed averages is affine, so it is folded into the
      // convolution's weights and a bias (one oneDNN primitive instead of two passes).
      FoldedConvolution folded = FoldedConvolution.of(parameters, layer.name());
      x = sd.cnn().conv2d(
          layer.name() + ".conv", x,
          sd.constant(layer.name() + ".foldedW", folded.weights()),
          sd.constant(layer.name() + ".foldedB", folded.bias()),
          convolution);
    }
    x = sd.nn().relu(layer.name() + ".relu", x, 0);
    if (layer.pooled()) {
      x = sd.cnn().maxPooling2d(
          layer.name() + ".pool",
          x,
          Pooling2DConfig.builder()
              .kH(1).kW(SampleCnnConfig.KERNEL)
              .sH(1).sW(SampleCnnConfig.KERNEL)
              .type(Pooling2D.Pooling2DType.MAX)
              .paddingMode(PaddingMode.VALID)
              .isNHWC(true)
              .build());
    }
    return x;
  }

  private SDVariable batchNorm(String layer, SDVariable x, BatchNormKind kind, long length) {
    if (kind == BatchNormKind.NONE) {
      return x;
    }
    SDVariable gamma = parameter(layer + ".gamma");
    SDVariable beta = parameter(layer + ".beta");
    switch (kind) {
      case PRIMITIVE: {
        SDVariable mean = sd.mean(layer + ".batchMean", x, false, 0, 1, 2);
        SDVariable centred = x.sub(mean);
        SDVariable variance = sd.mean(layer + ".batchVar", sd.math().square(centred), false, 0, 1, 2);
        statistics.add(new BatchStatistics(layer, mean, variance, length));
        SDVariable inverse = sd.math().rsqrt(variance.add(NetworkParameters.BATCH_NORM_EPSILON));
        return centred.mul(inverse.mul(gamma)).add(beta);
      }
      case FUSED:
      default: {
        // BatchNormOp's gradient already accounts for the batch statistics: they are computed
        // from a gradient-stopped copy so that the graph does not count that path twice.
        // (Not sd.variance: SameDiff 1.0.0-M2.1 loses its biasCorrected=false when it copies the
        // op into the backward graph, so the backward pass would see a different variance.)
        SDVariable stopped = new StopGradient(sd, x).outputVariable();
        SDVariable[] moments = sd.math().moments(
            new String[] {layer + ".batchMean", layer + ".batchVar"}, stopped, new int[] {0, 1, 2}, false);
        SDVariable mean = moments[0];
        SDVariable variance = moments[1];
        statistics.add(new BatchStatistics(layer, mean, variance, length));
        return new BatchNormOp(sd, x, mean, variance, gamma, beta, NetworkParameters.BATCH_NORM_EPSILON)
            .outputVariable();
      }
    }
  }

  /** g(h): Linear(no bias) → ReLU → Linear(no bias). */
  SDVariable projector(SDVariable h) {
    SDVariable hidden = sd.nn().relu(h.mmul(parameter(NetworkParameters.PROJECTOR_1)), 0);
    return sd.identity("projection", hidden.mmul(parameter(NetworkParameters.PROJECTOR_2)));
  }

  /** z of the {@link MetricLearningHead}. */
  SDVariable embedding(SDVariable h) {
    return MetricLearningHead.embedding(sd, h);
  }

  /** Tag logits W z of the {@link MetricLearningHead}. */
  SDVariable tagLogits(SDVariable z) {
    return MetricLearningHead.tagLogits(sd, z, parameter(MetricLearningHead.TAG_HEAD));
  }
}
