package org.soundalike.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Map;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avformat;
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
 * ND4J 1.0.0-M2.1 was built against JavaCPP 1.5.7, while the FFmpeg decoder needs JavaCPP 1.5.14;
 * Maven resolves 1.5.14 for both. This pins down that ND4J's natives (oneDNN build) still load and
 * compute correctly next to FFmpeg in one JVM.
 */
class NativeStackTest {

  @Test
  void ffmpegAndNd4jNativesLoadAndComputeInOneJvm() {
    Loader.load(avformat.class);
    AVFormatContext context = avformat.avformat_alloc_context();
    assertThat(context.isNull()).isFalse();
    avformat.avformat_free_context(context);

    INDArray a = Nd4j.create(new double[][] {{1, 2, 3}, {4, 5, 6}});
    INDArray b = Nd4j.create(new double[][] {{7, 8}, {9, 10}, {11, 12}});
    assertThat(a.mmul(b).toDoubleMatrix()).isEqualTo(new double[][] {{58, 64}, {139, 154}});

    INDArray big = Nd4j.rand(DataType.FLOAT, 256, 256);
    INDArray identity = Nd4j.eye(256).castTo(DataType.FLOAT);
    assertThat(big.mmul(identity).equalsWithEps(big, 1e-6)).isTrue();
  }

  @Test
  void nhwcConvolutionMatchesADirectSum() {
    // 1x3 convolution over time, NHWC: [batch, 1, time, channels], weights [kH, kW, iC, oC].
    int time = 7;
    int in = 2;
    int out = 3;
    INDArray x = Nd4j.rand(DataType.FLOAT, 1, 1, time, in);
    INDArray w = Nd4j.rand(DataType.FLOAT, 1, 3, in, out);
    SameDiff sd = SameDiff.create();
    SDVariable input = sd.placeHolder("x", DataType.FLOAT, -1, 1, time, in);
    SDVariable y =
        sd.cnn()
            .conv2d(
                input,
                sd.constant("w", w),
                Conv2DConfig.builder()
                    .kH(1).kW(3).sH(1).sW(1).pH(0).pW(1)
                    .paddingMode(PaddingMode.VALID)
                    .dataFormat("NHWC")
                    .build());
    INDArray got = sd.output(Map.of("x", x), y.name()).get(y.name());

    assertThat(got.shape()).containsExactly(1, 1, time, out);
    for (int t = 0; t < time; t++) {
      for (int o = 0; o < out; o++) {
        double expected = 0;
        for (int k = 0; k < 3; k++) {
          int s = t + k - 1;
          if (s < 0 || s >= time) {
            continue;
          }
          for (int c = 0; c < in; c++) {
            expected += x.getDouble(0, 0, s, c) * w.getDouble(0, k, c, o);
          }
        }
        assertThat(got.getDouble(0, 0, t, o)).isCloseTo(expected, offset(1e-5));
      }
    }
  }
}
