package org.soundalike.net.dnnl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.HeadsGraph;
import org.soundalike.net.LossValues;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.Precision;
import org.soundalike.net.TrainingBatch;
import org.soundalike.net.TrainingPass;

/**
 * A training pass with the encoder on oneDNN ({@link DnnlConvBlock} per layer) and the heads and
 * losses in SameDiff ({@link HeadsGraph}): the split sits at h, the only tensor the two share.
 * Batch norm uses the statistics of all 2B views, as in the paper. Float parameters; the encoder
 * computes in f32 or bf16 ({@link Precision}: bf16 activations and weight copies inside oneDNN,
 * f32 accumulation, statistics and weight gradients; the heads and losses stay f32). The blocks are chained inside oneDNN: activations and their gradients stay in oneDNN's
 * layouts between layers (a first version passed NHWC ND4J arrays, a reorder and a copy per layer
 * boundary; docs/benchmarks/train-engine.md).
 */
public final class DnnlTrainingPass implements TrainingPass {

  static final long BF16_MIN_FRAMES = 729;

  private final NetworkParameters parameters;
  private final int tracks;
  private final List<DnnlConvBlock> blocks;
  private final HeadsGraph heads;
  /** The context this pass created and closes, or null when the caller owns it. */
  private final DnnlContext ownedContext;

  private DnnlTrainingPass(
      NetworkParameters parameters, int tracks, List<DnnlConvBlock> blocks, HeadsGraph heads, DnnlContext ownedContext) {
    this.parameters = parameters;
    this.tracks = tracks;
    this.blocks = blocks;
    this.heads = heads;
    this.ownedContext = ownedContext;
  }

  /** A float32 pass on its own oneDNN context, released by {@link #close}. */
  public static DnnlTrainingPass open(NetworkParameters parameters, int tracks) {
    return open(parameters, tracks, Precision.FP32);
  }

  /** A pass on its own oneDNN context, released by {@link #close}. */
  public static DnnlTrainingPass open(NetworkParameters parameters, int tracks, Precision precision) {
    DnnlContext context = new DnnlContext();
    try {
      return build(context, parameters, tracks, precision, context);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /**
   * A pass for batches of {@code tracks} tracks (2·tracks views) on {@code parameters} (float), the
   * encoder computing in {@code precision}.
   */
  public static DnnlTrainingPass build(
      DnnlContext context, NetworkParameters parameters, int tracks, Precision precision) {
    return build(context, parameters, tracks, precision, null);
  }

  private static DnnlTrainingPass build(
      DnnlContext context, NetworkParameters parameters, int tracks, Precision precision, DnnlContext ownedContext) {
    if (parameters.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException(
          "the oneDNN encoder trains in float; parameters are " + parameters.dataType());
    }
    int views = 2 * tracks;
    List<DnnlConvBlock> blocks = new ArrayList<>();
    long length = AudioSpec.EXCERPT_SAMPLES;
    List<NetworkParameters.ConvLayer> layers = NetworkParameters.ConvLayer.of(parameters.config());
    for (NetworkParameters.ConvLayer layer : layers) {
      DnnlConvBlock previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      DnnlConvBlock block = new DnnlConvBlock(
          context, layer, layerPrecision(precision, length / layer.stride()), views, length, previous != null, previous, blocks.size() == layers.size() - 1);
      blocks.add(block);
      length = block.outputLength();
    }
    return new DnnlTrainingPass(
        parameters, tracks, List.copyOf(blocks), HeadsGraph.build(parameters, tracks), ownedContext);
  }

  /**
   * bf16 only where the arithmetic is: layers with at least {@link #BF16_MIN_FRAMES} convolved
   * frames (the stem and blocks 1–4, > 95 % of the FLOPs). The deep layers stay float32: there
   * oneDNN's bf16 weight-gradient kernels cost a fixed ~0.1 CPU-s per call however small the
   * layer (docs/benchmarks/bf16.md), and batch norm over a few frames per view amplifies rounding
   * the most.
   */
  static Precision layerPrecision(Precision precision, long convolvedFrames) {
    return convolvedFrames >= BF16_MIN_FRAMES ? precision : Precision.FP32;
  }

  @Override
  public int tracks() {
    return tracks;
  }

  @Override
  public NetworkParameters parameters() {
    return parameters;
  }

  @Override
  public Result computeGradients(TrainingBatch batch, double lambda) {
    INDArray h = encode(heads.views(batch));
    for (DnnlConvBlock block : blocks) {
      parameters.updateRunningStatistics(
          block.layer().name(), block.batchMean(), block.batchVariance(), block.statisticsCount());
    }
    HeadsGraph.Result headResult = heads.gradients(h, batch, lambda);
    Map<String, INDArray> gradients = new HashMap<>(headResult.parameterGradients());
    INDArray upstream = headResult.hGradient().reshape(2L * tracks, 1, 1, h.size(1));
    int last = blocks.size() - 1;
    for (int i = last; i >= 0; i--) {
      DnnlConvBlock block = blocks.get(i);
      // dL/dx of each block goes straight into the previous block's gradient buffer.
      BlockGradients g = i == last ? block.backward(upstream) : block.backward();
      String name = block.layer().name();
      gradients.put(name + ".w", g.weights());
      gradients.put(name + ".gamma", g.gamma());
      gradients.put(name + ".beta", g.beta());
    }
    return new Result(headResult.losses(), gradients);
  }

  @Override
  public LossValues losses(TrainingBatch batch, double lambda) {
    return heads.losses(encode(heads.views(batch)), batch, lambda);
  }

  /** h {@code [2B, D]}; the weights are re-read first, since an optimizer step may have changed them. */
  private INDArray encode(INDArray views) {
    for (DnnlConvBlock block : blocks) {
      String name = block.layer().name();
      block.setParameters(parameters.get(name + ".w"), parameters.get(name + ".gamma"), parameters.get(name + ".beta"));
    }
    // The blocks are chained inside oneDNN: only the audio enters and h leaves as ND4J arrays.
    INDArray h = blocks.get(0).forward(views.reshape(views.size(0), 1, AudioSpec.EXCERPT_SAMPLES, 1));
    for (int i = 1; i < blocks.size(); i++) {
      h = blocks.get(i).forward();
    }
    return h.reshape(views.size(0), parameters.config().embeddingChannels());
  }

  @Override
  public void close() {
    for (DnnlConvBlock block : blocks) {
      block.close();
    }
    if (ownedContext != null) {
      ownedContext.close();
    }
  }
}
