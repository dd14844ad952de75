package org.soundalike.net.dnnl;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.FoldedConvolution;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;

/**
 * h = f(audio) for inference, the whole encoder chained on oneDNN: each layer is one convolution
 * with batch norm folded into its weights and bias ({@link FoldedConvolution}) and ReLU as a
 * post-op, then max-pool; activations stay in the layouts oneDNN picks from layer to layer and
 * are reordered only at the two ends (audio in, h out). For a fixed batch size; the folded
 * weights are captured at construction (build it after training updated the running averages).
 * Not thread-safe.
 */
public final class DnnlInferenceEncoder implements AutoCloseable {

  private final Primitives objects;
  private final int batch;
  private final int embeddingChannels;
  private final List<Primitives.Step> steps = new ArrayList<>();
  private final memory userAudio;
  private final memory userEmbedding;

  public DnnlInferenceEncoder(DnnlContext context, NetworkParameters parameters, int batch) {
    this.objects = new Primitives(context);
    this.batch = batch;
    this.embeddingChannels = parameters.config().embeddingChannels();
    long length = AudioSpec.EXCERPT_SAMPLES;
    userAudio = objects.memory(objects.desc(memory.format_tag.nwc, batch, 1, length));
    memory current = userAudio;
    for (NetworkParameters.ConvLayer layer : NetworkParameters.ConvLayer.of(parameters.config())) {
      long padding = layer.stride() == 1 ? 1 : 0;
      long[] pad = {padding};
      long convolved = length / layer.stride();
      FoldedConvolution folded = FoldedConvolution.of(parameters, layer.name());
      primitive_attr attributes = objects.own(new primitive_attr());
      post_ops relu = objects.own(new post_ops());
      relu.append_eltwise(dnnl.algorithm.eltwise_relu, 0f, 0f);
      attributes.set_post_ops(relu);
      convolution_forward.primitive_desc convolution = objects.own(new convolution_forward.primitive_desc(
          objects.context().engine(), dnnl.prop_kind.forward_inference, dnnl.algorithm.convolution_direct,
          objects.desc(memory.format_tag.any, batch, layer.in(), length),
          objects.desc(memory.format_tag.any, layer.out(), layer.in(), SampleCnnConfig.KERNEL),
          objects.desc(memory.format_tag.x, layer.out()),
          objects.desc(memory.format_tag.any, batch, layer.out(), convolved),
          new long[] {layer.stride()}, pad, pad, attributes, false));
      memory source = objects.inLayout(current, convolution.src_desc(), steps);
      memory weights = constant(folded.weights(), objects.desc(memory.format_tag.wio, layer.out(), layer.in(), SampleCnnConfig.KERNEL),
          convolution.weights_desc());
      memory bias = constant(folded.bias(), objects.desc(memory.format_tag.x, layer.out()), convolution.bias_desc());
      memory output = objects.memory(convolution.dst_desc());
      steps.add(objects.step(new convolution_forward(convolution),
          DNNL_ARG_SRC, source, DNNL_ARG_WEIGHTS, weights, DNNL_ARG_BIAS, bias, DNNL_ARG_DST, output));
      length = convolved;
      if (layer.pooled()) {
        long[] window = {SampleCnnConfig.KERNEL};
        long[] zero = {0};
        length /= SampleCnnConfig.KERNEL;
        pooling_forward.primitive_desc pool = objects.own(new pooling_forward.primitive_desc(
            objects.context().engine(), dnnl.prop_kind.forward_inference, dnnl.algorithm.pooling_max,
            convolution.dst_desc(), objects.desc(memory.format_tag.any, batch, layer.out(), length),
            window, window, zero, zero, zero));
        memory pooled = objects.memory(pool.dst_desc());
        steps.add(objects.step(new pooling_forward(pool), DNNL_ARG_SRC, output, DNNL_ARG_DST, pooled));
        output = pooled;
      }
      current = output;
    }
    userEmbedding = objects.memory(objects.desc(memory.format_tag.nwc, batch, embeddingChannels, 1));
    steps.add(objects.reorder(current, userEmbedding));
  }

  /** h {@code [batch, embeddingChannels]} for audio {@code [batch, 59049]} (float). */
  public INDArray encode(INDArray excerpts) {
    if (excerpts.dataType() != DataType.FLOAT || excerpts.rank() != 2 || excerpts.size(0) != batch
        || excerpts.size(1) != AudioSpec.EXCERPT_SAMPLES) {
      throw new IllegalArgumentException("expected float [" + batch + ", " + AudioSpec.EXCERPT_SAMPLES
          + "] excerpts, got " + excerpts.dataType() + " " + java.util.Arrays.toString(excerpts.shape()));
    }
    INDArray audio = excerpts.ordering() == 'c' && !excerpts.isView() ? excerpts : excerpts.dup('c');
    INDArray h = Nd4j.createUninitialized(DataType.FLOAT, batch, embeddingChannels);
    userAudio.set_data_handle(audio.data().addressPointer());
    userEmbedding.set_data_handle(h.data().addressPointer());
    objects.run(steps);
    return h;
  }

  @Override
  public void close() {
    objects.close();
  }

  /** A parameter array copied once into the layout the primitive wants. */
  private memory constant(INDArray values, memory.desc userDesc, memory.desc wanted) {
    INDArray dense = values.castTo(DataType.FLOAT).dup('c');
    memory user = objects.memory(userDesc);
    user.set_data_handle(dense.data().addressPointer());
    memory target = objects.memory(wanted);
    try (reorder copy = new reorder(user, target)) {
      copy.execute(objects.context().stream(), user, target);
      objects.context().await();
    }
    return target;
  }
}
