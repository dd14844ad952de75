package org.soundalike.net.dnnl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * oneDNN 3.x (JavaCPP preset) in the same JVM as ND4J's natives (which carry oneDNN 2.3) and
 * FFmpeg: all three load, and both oneDNN builds compute the same 1-D convolution.
 */
class DnnlStackTest {

  private static final int BATCH = 2;
  private static final int TIME = 7;
  private static final int IN = 3;
  private static final int OUT = 4;

  @Test
  void dnnlNd4jAndFfmpegComputeSideBySide() {
    Loader.load(avformat.class);
    AVFormatContext context = avformat.avformat_alloc_context();
    assertThat(context.isNull()).isFalse();
    avformat.avformat_free_context(context);

    SplittableRandom random = new SplittableRandom(7);
    float[] x = randomFloats(random, BATCH * TIME * IN);
    float[] w = randomFloats(random, 3 * IN * OUT);
    float[] expected = directConvolution(x, w);

    INDArray nd4j = nd4jConvolution(x, w);
    float[] dnnlResult = dnnlConvolution(x, w);
    // ND4J again after oneDNN 3 ran: neither library's state disturbed the other.
    INDArray nd4jAgain = nd4jConvolution(x, w);

    float[] nd4jFlat = nd4j.data().asFloat();
    float[] nd4jAgainFlat = nd4jAgain.data().asFloat();
    for (int i = 0; i < expected.length; i++) {
      assertThat(dnnlResult[i]).as("oneDNN 3 output %d", i).isCloseTo(expected[i], offset(1e-5f));
      assertThat(nd4jFlat[i]).as("ND4J output %d", i).isCloseTo(expected[i], offset(1e-5f));
      assertThat(nd4jAgainFlat[i]).isEqualTo(nd4jFlat[i]);
    }
  }

  /** y[n, t, o] = Σ_k Σ_c x[n, t+k−1, c]·w[k, c, o], zero padding of one frame each side. */
  private static float[] directConvolution(float[] x, float[] w) {
    float[] y = new float[BATCH * TIME * OUT];
    for (int n = 0; n < BATCH; n++) {
      for (int t = 0; t < TIME; t++) {
        for (int o = 0; o < OUT; o++) {
          double sum = 0;
          for (int k = 0; k < 3; k++) {
            int s = t + k - 1;
            if (s < 0 || s >= TIME) {
              continue;
            }
            for (int c = 0; c < IN; c++) {
              sum += x[(n * TIME + s) * IN + c] * w[(k * IN + c) * OUT + o];
            }
          }
          y[(n * TIME + t) * OUT + o] = (float) sum;
        }
      }
    }
    return y;
  }

  private static float[] dnnlConvolution(float[] x, float[] w) {
    try (DnnlContext dnnlContext = new DnnlContext();
        memory.desc srcDesc = new memory.desc(new long[] {BATCH, IN, TIME}, memory.data_type.f32, memory.format_tag.nwc);
        memory.desc weightsDesc = new memory.desc(new long[] {OUT, IN, 3}, memory.data_type.f32, memory.format_tag.wio);
        memory.desc dstDesc = new memory.desc(new long[] {BATCH, OUT, TIME}, memory.data_type.f32, memory.format_tag.nwc);
        convolution_forward.primitive_desc pd = new convolution_forward.primitive_desc(
            dnnlContext.engine(), dnnl.prop_kind.forward_inference, dnnl.algorithm.convolution_direct,
            srcDesc, weightsDesc, dstDesc, new long[] {1}, new long[] {1}, new long[] {1});
        convolution_forward convolution = new convolution_forward(pd);
        FloatPointer xData = new FloatPointer(x);
        FloatPointer wData = new FloatPointer(w);
        FloatPointer yData = new FloatPointer(BATCH * TIME * OUT);
        memory src = new memory(srcDesc, dnnlContext.engine(), xData);
        memory weights = new memory(weightsDesc, dnnlContext.engine(), wData);
        memory dst = new memory(dstDesc, dnnlContext.engine(), yData);
        IntMemoryMap args = new IntMemoryMap()) {
      args.put(dnnl.DNNL_ARG_SRC, src);
      args.put(dnnl.DNNL_ARG_WEIGHTS, weights);
      args.put(dnnl.DNNL_ARG_DST, dst);
      convolution.execute(dnnlContext.stream(), args);
      dnnlContext.await();
      float[] y = new float[BATCH * TIME * OUT];
      yData.get(y);
      return y;
    }
  }

  private static INDArray nd4jConvolution(float[] x, float[] w) {
    SameDiff sd = SameDiff.create();
    SDVariable input = sd.placeHolder("x", DataType.FLOAT, BATCH, 1, TIME, IN);
    SDVariable y = sd.cnn().conv2d(
        input,
        sd.constant("w", Nd4j.create(w, new long[] {1, 3, IN, OUT}, DataType.FLOAT)),
        Conv2DConfig.builder()
            .kH(1).kW(3).sH(1).sW(1).pH(0).pW(1)
            .paddingMode(PaddingMode.VALID)
            .dataFormat("NHWC")
            .build());
    INDArray xArray = Nd4j.create(x, new long[] {BATCH, 1, TIME, IN}, DataType.FLOAT);
    return sd.output(Map.of("x", xArray), y.name()).get(y.name()).dup();
  }

  private static float[] randomFloats(SplittableRandom random, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }
}
