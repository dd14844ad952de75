package org.soundalike.net.dnnl;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_MEAN;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_VARIANCE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.batch_normalization_backward;
import org.bytedeco.dnnl.batch_normalization_forward;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.Precision;
import org.soundalike.net.SampleCnnConfig;

/**
 * One SampleCNN layer for training on oneDNN primitives: conv 1-D k3 (stride 3 for the stem, else
 * stride 1 pad 1) + batch norm with batch statistics and fused ReLU (+ max-pool 3/3 for the nine
 * blocks), forward and backward, for a fixed batch size and input length.
 *
 * <p>Why this shape: in the SameDiff path every op re-creates its oneDNN primitive, libnd4j
 * re-lays-out the weights on every call, and batch norm's per-channel reductions run strided over
 * NHWC (docs/benchmarks/net.md). Here every primitive, memory descriptor and intermediate buffer
 * is created once; oneDNN picks the layouts inside the block ({@code format_tag::any}, usually its
 * channel-blocked {@code nCw16c}); the weights are re-laid-out once per {@link #setParameters}
 * (i.e. once per optimizer step). A block stands alone (ND4J's NHWC {@code [batch, 1, length,
 * channels]}, oneDNN's {@code nwc}, in and out, with reorders at the boundary) or is chained to its
 * neighbours, reading the previous block's output and writing its input gradient in oneDNN's
 * layouts, as {@link DnnlTrainingPass} builds them.
 *
 * <p>State: a block keeps the activations of its last {@link #forward} (and a reference to its
 * input, which the weight gradient reads) for {@link #backward}, so a block serves one
 * forward/backward pair at a time, as {@link DnnlTrainingPass} uses it. Not thread-safe.
 *
 * <p>Memory: the output and the gradients are ND4J arrays allocated once per block and
 * overwritten by every call (valid until the next one). Allocating them per call, as a first
 * version did, left gigabytes of dead arrays waiting for garbage collection each step
 * (docs/benchmarks/train-engine.md).
 */
public final class DnnlConvBlock implements AutoCloseable {

  private static final int POOL = SampleCnnConfig.KERNEL;

  private final Primitives objects;
  private final NetworkParameters.ConvLayer layer;
  private final int batch;
  private final long inputLength;
  private final long convolvedLength;
  private final long outputLength;
  private final boolean inputGradient;
  private final List<Primitives.Step> forwardSteps = new ArrayList<>();
  private final List<Primitives.Step> backwardSteps = new ArrayList<>();
  private final List<Primitives.Step> weightSteps = new ArrayList<>();

  // Boundary memories in ND4J layouts; their data handles point into the caller's INDArrays.
  // Null where the block is chained to its neighbour inside oneDNN instead.
  private final memory userSource;
  private final memory userOutput;
  private final memory userOutputGradient;
  private final memory userInputGradient;
  private final memory userWeights;
  private final memory userWeightGradient;
  private final memory scale;
  private final memory shift;
  private final memory scaleGradient;
  private final memory shiftGradient;
  private final memory mean;
  private final memory variance;

  // In oneDNN's layouts: this block's output, and the buffer its dL/dy arrives in (the next
  // block's backward writes it when chained).
  private final memory nativeOutput;
  private final memory nativeOutputGradient;

  // Reused between calls: what forward and backward return.
  private final INDArray output;
  private final INDArray inputGradientArray;
  private final INDArray weightGradient;
  private final INDArray gammaGradient;
  private final INDArray betaGradient;

  // The caller's arrays that the boundary memories point into, kept reachable while in use: ND4J
  // frees an array's native buffer when the array is collected, and the backward pass may read
  // the forward input in place (when oneDNN wants it in NHWC already).
  private INDArray heldInput;
  private INDArray heldOutputGradient;
  private INDArray heldWeights;
  private INDArray heldGamma;
  private INDArray heldBeta;

  /**
   * @param layer the layer's shape (channels, stride, pooled)
   * @param precision what oneDNN computes in: the boundary arrays (input, output, weights, their
   *     gradients) are float32 either way
   * @param batch excerpts per call
   * @param inputLength frames of the input (59,049 for the stem)
   * @param inputGradient whether backward computes the input gradient (not for the stem: audio)
   */
  public DnnlConvBlock(
      DnnlContext context, NetworkParameters.ConvLayer layer, Precision precision, int batch, long inputLength,
      boolean inputGradient) {
    this(context, layer, precision, batch, inputLength, inputGradient, null, true);
  }

  /**
   * A block that may be chained to its neighbours inside oneDNN: no NWC copies and reorders at
   * the boundary (docs/benchmarks/train-engine.md).
   *
   * @param previous the block whose output, in oneDNN's layout, is this block's input, and into
   *     whose output-gradient buffer this block's backward writes dL/dx; null: the input is an
   *     NWC array ({@link #forward(INDArray)})
   * @param nwcOutput true: {@link #forward(INDArray)} returns the output as an NWC array and
   *     {@link #backward(INDArray)} takes dL/dy as one; false: the next block reads and writes them
   *     in oneDNN's layout ({@link #forward()}, {@link #backward()})
   */
  DnnlConvBlock(
      DnnlContext context, NetworkParameters.ConvLayer layer, Precision precision, int batch, long inputLength,
      boolean inputGradient, DnnlConvBlock previous, boolean nwcOutput) {
    if (previous != null && (!inputGradient || previous.userOutput != null)) {
      throw new IllegalArgumentException("layer " + layer.name() + ": a chained block follows a block built for chaining");
    }
    this.objects = new Primitives(context);
    this.layer = layer;
    this.batch = batch;
    this.inputLength = inputLength;
    this.convolvedLength = inputLength / layer.stride();
    this.outputLength = layer.pooled() ? convolvedLength / POOL : convolvedLength;
    this.inputGradient = inputGradient;

    long padding = layer.stride() == 1 ? 1 : 0;
    long[] strides = {layer.stride()};
    long[] pad = {padding};
    memory.desc sourceUser = objects.desc(memory.format_tag.nwc, batch, layer.in(), inputLength);
    memory.desc outputUser = objects.desc(memory.format_tag.nwc, batch, layer.out(), outputLength);
    memory.desc weightsUser = objects.desc(memory.format_tag.wio, layer.out(), layer.in(), SampleCnnConfig.KERNEL);
    memory.desc channels = objects.desc(memory.format_tag.x, layer.out());

    userSource = previous == null ? objects.memory(sourceUser) : null;
    userOutput = nwcOutput ? objects.memory(outputUser) : null;
    userOutputGradient = nwcOutput ? objects.memory(outputUser) : null;
    userInputGradient = previous == null && inputGradient ? objects.memory(sourceUser) : null;
    userWeights = objects.memory(weightsUser);
    userWeightGradient = objects.memory(weightsUser);
    scale = objects.memory(channels);
    shift = objects.memory(channels);
    scaleGradient = objects.memory(channels);
    shiftGradient = objects.memory(channels);
    output = nwcOutput ? Nd4j.createUninitialized(DataType.FLOAT, batch, 1, outputLength, layer.out()) : null;
    inputGradientArray = userInputGradient != null
        ? Nd4j.createUninitialized(DataType.FLOAT, batch, 1, inputLength, layer.in()) : null;
    weightGradient = Nd4j.createUninitialized(DataType.FLOAT, 1, SampleCnnConfig.KERNEL, layer.in(), layer.out());
    gammaGradient = Nd4j.createUninitialized(DataType.FLOAT, layer.out());
    betaGradient = Nd4j.createUninitialized(DataType.FLOAT, layer.out());
    if (nwcOutput) {
      userOutput.set_data_handle(output.data().addressPointer());
    }
    if (inputGradientArray != null) {
      userInputGradient.set_data_handle(inputGradientArray.data().addressPointer());
    }
    userWeightGradient.set_data_handle(weightGradient.data().addressPointer());
    scaleGradient.set_data_handle(gammaGradient.data().addressPointer());
    shiftGradient.set_data_handle(betaGradient.data().addressPointer());

    // Forward: convolution in the layouts oneDNN prefers. In bf16, activations and the weights' copy
    // are bf16; the weight gradient stays f32 (oneDNN accumulates in f32 and writes it so).
    memory.data_type type = precision == Precision.BF16 ? memory.data_type.bf16 : memory.data_type.f32;
    memory.desc sourceAny = objects.desc(type, memory.format_tag.any, batch, layer.in(), inputLength);
    memory.desc convolvedAny = objects.desc(type, memory.format_tag.any, batch, layer.out(), convolvedLength);
    memory.desc weightsAny = objects.desc(type, memory.format_tag.any, layer.out(), layer.in(), SampleCnnConfig.KERNEL);
    memory.desc weightGradientAny = objects.desc(memory.format_tag.any, layer.out(), layer.in(), SampleCnnConfig.KERNEL);
    convolution_forward.primitive_desc convolution = objects.own(new convolution_forward.primitive_desc(
        objects.context().engine(), dnnl.prop_kind.forward_training, dnnl.algorithm.convolution_direct,
        sourceAny, weightsAny, convolvedAny, strides, pad, pad));
    memory source = objects.inLayout(previous == null ? userSource : previous.nativeOutput, convolution.src_desc(), forwardSteps);
    memory weights = objects.memory(convolution.weights_desc());
    weightSteps.add(objects.reorder(userWeights, weights));
    memory convolved = objects.memory(convolution.dst_desc());
    forwardSteps.add(objects.step(new convolution_forward(convolution),
        DNNL_ARG_SRC, source, DNNL_ARG_WEIGHTS, weights, DNNL_ARG_DST, convolved));

    // Batch norm on this batch's statistics, ReLU fused (oneDNN keeps the ReLU mask in a workspace).
    int flags = dnnl.normalization_flags.use_scale.value
        | dnnl.normalization_flags.use_shift.value
        | dnnl.normalization_flags.fuse_norm_relu.value;
    float epsilon = (float) NetworkParameters.BATCH_NORM_EPSILON;
    batch_normalization_forward.primitive_desc norm = objects.own(new batch_normalization_forward.primitive_desc(
        objects.context().engine(), dnnl.prop_kind.forward_training.value, convolution.dst_desc(), convolution.dst_desc(),
        epsilon, flags));
    mean = objects.memory(norm.mean_desc());
    variance = objects.memory(norm.variance_desc());
    memory normWorkspace = objects.memory(norm.workspace_desc());
    memory normalised = objects.memory(norm.dst_desc());
    forwardSteps.add(objects.step(new batch_normalization_forward(norm),
        DNNL_ARG_SRC, convolved, DNNL_ARG_SCALE, scale, DNNL_ARG_SHIFT, shift,
        DNNL_ARG_MEAN, mean, DNNL_ARG_VARIANCE, variance,
        DNNL_ARG_WORKSPACE, normWorkspace, DNNL_ARG_DST, normalised));

    // Max-pool 3/3 (the nine blocks), remembering the arg-max in a workspace for backward.
    memory blockOutput = normalised;
    memory normGradient;
    if (layer.pooled()) {
      long[] window = {POOL};
      long[] zero = {0};
      pooling_forward.primitive_desc pool = objects.own(new pooling_forward.primitive_desc(
          objects.context().engine(), dnnl.prop_kind.forward_training, dnnl.algorithm.pooling_max,
          norm.dst_desc(), objects.desc(type, memory.format_tag.any, batch, layer.out(), outputLength),
          window, window, zero, zero, zero));
      memory pooled = objects.memory(pool.dst_desc());
      memory poolWorkspace = objects.memory(pool.workspace_desc());
      forwardSteps.add(objects.step(new pooling_forward(pool),
          DNNL_ARG_SRC, normalised, DNNL_ARG_DST, pooled, DNNL_ARG_WORKSPACE, poolWorkspace));
      blockOutput = pooled;

      pooling_backward.primitive_desc poolBack = objects.own(new pooling_backward.primitive_desc(
          objects.context().engine(), dnnl.algorithm.pooling_max, norm.dst_desc(), pool.dst_desc(),
          window, window, zero, zero, zero, pool));
      memory pooledGradient = nwcOutput
          ? objects.inLayout(userOutputGradient, poolBack.diff_dst_desc(), backwardSteps)
          : objects.memory(poolBack.diff_dst_desc());
      nativeOutputGradient = pooledGradient;
      normGradient = objects.memory(poolBack.diff_src_desc());
      backwardSteps.add(objects.step(new pooling_backward(poolBack),
          DNNL_ARG_DIFF_DST, pooledGradient, DNNL_ARG_WORKSPACE, poolWorkspace, DNNL_ARG_DIFF_SRC, normGradient));
    } else {
      normGradient = nwcOutput
          ? objects.inLayout(userOutputGradient, norm.dst_desc(), backwardSteps)
          : objects.memory(norm.dst_desc());
      nativeOutputGradient = normGradient;
    }
    nativeOutput = blockOutput;
    if (nwcOutput) {
      forwardSteps.add(objects.reorder(blockOutput, userOutput));
    }

    // Backward through batch norm + ReLU: dx, dγ, dβ in one primitive.
    batch_normalization_backward.primitive_desc normBack = objects.own(new batch_normalization_backward.primitive_desc(
        objects.context().engine(), dnnl.prop_kind.backward.value, convolution.dst_desc(), normGradient.get_desc(),
        convolution.dst_desc(), epsilon, flags, norm));
    memory convolvedGradient = objects.memory(normBack.diff_src_desc());
    backwardSteps.add(objects.step(new batch_normalization_backward(normBack),
        DNNL_ARG_SRC, convolved, DNNL_ARG_MEAN, mean, DNNL_ARG_VARIANCE, variance,
        DNNL_ARG_DIFF_DST, normGradient, DNNL_ARG_SCALE, scale, DNNL_ARG_WORKSPACE, normWorkspace,
        DNNL_ARG_DIFF_SRC, convolvedGradient, DNNL_ARG_DIFF_SCALE, scaleGradient,
        DNNL_ARG_DIFF_SHIFT, shiftGradient));

    // Backward through the convolution: weights always, data unless the input is the audio.
    convolution_backward_weights.primitive_desc weightsBack = objects.own(new convolution_backward_weights.primitive_desc(
        objects.context().engine(), dnnl.algorithm.convolution_direct, sourceAny, weightGradientAny, convolvedAny,
        strides, pad, pad, convolution));
    memory weightsBackSource = objects.inLayout(source, weightsBack.src_desc(), backwardSteps);
    memory weightsBackGradient = objects.inLayout(convolvedGradient, weightsBack.diff_dst_desc(), backwardSteps);
    memory weightGradient = objects.memory(weightsBack.diff_weights_desc());
    backwardSteps.add(objects.step(new convolution_backward_weights(weightsBack),
        DNNL_ARG_SRC, weightsBackSource, DNNL_ARG_DIFF_DST, weightsBackGradient,
        DNNL_ARG_DIFF_WEIGHTS, weightGradient));
    backwardSteps.add(objects.reorder(weightGradient, userWeightGradient));

    if (inputGradient) {
      convolution_backward_data.primitive_desc dataBack = objects.own(new convolution_backward_data.primitive_desc(
          objects.context().engine(), dnnl.algorithm.convolution_direct, sourceAny, weightsAny, convolvedAny,
          strides, pad, pad, convolution));
      memory dataBackWeights = weights;
      if (!dataBack.weights_desc().equals(convolution.weights_desc())) {
        dataBackWeights = objects.memory(dataBack.weights_desc());
        weightSteps.add(objects.reorder(userWeights, dataBackWeights));
      }
      memory dataBackGradient = objects.inLayout(convolvedGradient, dataBack.diff_dst_desc(), backwardSteps);
      boolean inPlace = previous != null && previous.nativeOutputGradient.get_desc().equals(dataBack.diff_src_desc());
      memory sourceGradient = inPlace ? previous.nativeOutputGradient : objects.memory(dataBack.diff_src_desc());
      backwardSteps.add(objects.step(new convolution_backward_data(dataBack),
          DNNL_ARG_DIFF_DST, dataBackGradient, DNNL_ARG_WEIGHTS, dataBackWeights, DNNL_ARG_DIFF_SRC, sourceGradient));
      if (!inPlace) {
        backwardSteps.add(objects.reorder(sourceGradient, previous == null ? userInputGradient : previous.nativeOutputGradient));
      }
    }
  }

  public NetworkParameters.ConvLayer layer() {
    return layer;
  }

  /** Frames out of this block (after pooling for the nine blocks). */
  public long outputLength() {
    return outputLength;
  }

  /**
   * Points the block at the layer's parameters (ND4J layouts: weights {@code [1, 3, in, out]}, γ and
   * β {@code [out]}, float) and re-lays-out the weights for oneDNN. Call again after every update
   * of the weights; γ and β are read in place, so their in-place updates are seen directly.
   */
  public void setParameters(INDArray weights, INDArray gamma, INDArray beta) {
    heldWeights = dense(weights, 1, SampleCnnConfig.KERNEL, layer.in(), layer.out());
    heldGamma = dense(gamma, layer.out());
    heldBeta = dense(beta, layer.out());
    userWeights.set_data_handle(heldWeights.data().addressPointer());
    scale.set_data_handle(heldGamma.data().addressPointer());
    shift.set_data_handle(heldBeta.data().addressPointer());
    objects.run(weightSteps);
  }

  /**
   * y = block(x): x {@code [batch, 1, inputLength, in]} → y {@code [batch, 1, outputLength, out]},
   * the block's own output array (overwritten by the next call).
   */
  public INDArray forward(INDArray input) {
    if (userSource == null) {
      throw new IllegalStateException("layer " + layer.name() + ": chained to the previous block, use forward()");
    }
    INDArray x = dense(input, batch, 1, inputLength, layer.in());
    heldInput = x;
    userSource.set_data_handle(x.data().addressPointer());
    return forward();
  }

  /**
   * The forward pass from the input already in place (the previous block's output when chained);
   * returns the output array, or null when the output stays in oneDNN for the next block.
   */
  public INDArray forward() {
    if (heldWeights == null) {
      throw new IllegalStateException("layer " + layer.name() + ": setParameters before forward");
    }
    objects.run(forwardSteps);
    return output;
  }

  /** Backward from dL/dy of the last {@link #forward}; the gradients are the block's own arrays (overwritten by the next call). */
  public BlockGradients backward(INDArray outputGradient) {
    if (userOutputGradient == null) {
      throw new IllegalStateException("layer " + layer.name() + ": chained to the next block, use backward()");
    }
    heldOutputGradient = dense(outputGradient, batch, 1, outputLength, layer.out());
    userOutputGradient.set_data_handle(heldOutputGradient.data().addressPointer());
    return backward();
  }

  /**
   * Backward from dL/dy already in place (written by the next block's backward when chained).
   * dL/dx is an array only for a block with an NWC input; a chained block writes it into the
   * previous block's buffer instead ({@link BlockGradients#input()} null).
   */
  public BlockGradients backward() {
    objects.run(backwardSteps);
    return new BlockGradients(inputGradientArray, weightGradient, gammaGradient, betaGradient);
  }

  /** The last forward's batch mean per channel (for the running averages). */
  public INDArray batchMean() {
    return channelsOf(mean);
  }

  /** The last forward's biased batch variance per channel (PyTorch's running average unbiases it). */
  public INDArray batchVariance() {
    return channelsOf(variance);
  }

  /** Values per channel behind each batch statistic: batch × convolved frames. */
  public long statisticsCount() {
    return batch * convolvedLength;
  }

  @Override
  public void close() {
    objects.close();
  }

  private INDArray channelsOf(memory statistic) {
    float[] values = new float[layer.out()];
    new org.bytedeco.javacpp.FloatPointer(statistic.get_data_handle()).get(values);
    return Nd4j.create(values, new long[] {layer.out()}, DataType.FLOAT);
  }

  /** The caller's array as a dense C-order float array of the expected shape (copied only if not). */
  private INDArray dense(INDArray array, long... shape) {
    if (array.dataType() != DataType.FLOAT || !java.util.Arrays.equals(array.shape(), shape)) {
      throw new IllegalArgumentException("layer " + layer.name() + ": expected float "
          + java.util.Arrays.toString(shape) + ", got " + array.dataType() + " " + java.util.Arrays.toString(array.shape()));
    }
    boolean denseC = array.ordering() == 'c' && !array.isView() && array.offset() == 0;
    return denseC ? array : array.dup('c');
  }
}
