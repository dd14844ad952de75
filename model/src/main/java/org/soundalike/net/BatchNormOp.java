package org.soundalike.net;

import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

/**
 * Batch norm over the last (channel) axis of an NHWC tensor: libnd4j's {@code batchnorm} op
 * forward (a oneDNN primitive), and a backward pass of our own.
 *
 * <p>Why: ND4J 1.0.0-M2.1's {@code BatchNorm} class cannot be differentiated ("Invalid axis
 * argument ... Got null"); its native {@code batchnorm_bp} works but runs oneDNN's blocked-layout
 * kernel with reorders in and out, and writing batch norm from primitive ops lets autodiff build a
 * long chain of full-size intermediates. The backward here is the closed form of the
 * training-mode gradient (the mean and variance inputs are this batch's statistics):
 * dx = a·dy + b·x + c per channel, with two channel reductions (Σdy, Σdy·x), so it is a few
 * passes over the tensor. The graph computes the statistics from a gradient-stopped copy of x
 * (see {@link SampleCnnGraph}), since this gradient already accounts for them.
 */
public final class BatchNormOp extends DynamicCustomOp {

  static {
    NativeOpRegistry.replace("batchnorm", BatchNormOp.class);
  }

  /** For SameDiff, which re-creates every op by its native name when it builds the backward graph. */
  public BatchNormOp() {}

  BatchNormOp(
      SameDiff sd,
      SDVariable input,
      SDVariable mean,
      SDVariable variance,
      SDVariable gamma,
      SDVariable beta,
      double epsilon) {
    super(null, sd, new SDVariable[] {input, mean, variance, gamma, beta});
    addIArgument(1, 1, 3);
    addTArgument(epsilon);
  }

  @Override
  public String opName() {
    return "batchnorm";
  }

  @Override
  public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
    return List.of(inputTypes.get(0));
  }

  /**
   * With k = 1/√(σ²+ε), m1 = mean(dy), m2 = mean(dy·x̂): dx = γk(dy − m1 − x̂·m2), which is
   * a·dy + b·x + c with a = γk, b = −γk²m2, c = −a·m1 − b·μ; dγ = Σdy·x̂, dβ = Σdy. The statistics'
   * own gradients are zero: dx already contains their effect.
   */
  @Override
  public List<SDVariable> doDiff(List<SDVariable> gradients) {
    SDVariable[] in = args();
    SDVariable x = in[0];
    SDVariable mean = in[1];
    SDVariable variance = in[2];
    SDVariable gamma = in[3];
    SDVariable dy = gradients.get(0);
    SameDiff sd = sameDiff;

    SDVariable k = sd.math().rsqrt(variance.add(getTArgument(0)));
    SDVariable dBeta = sd.sum(dy, 0, 1, 2);
    SDVariable dGamma = k.mul(sd.sum(dy.mul(x), 0, 1, 2).sub(mean.mul(dBeta)));
    SDVariable count = sd.prod(sd.slice(sd.shape(x).castTo(x.dataType()), new int[] {0}, new int[] {3}), 0);
    SDVariable m1 = dBeta.div(count);
    SDVariable m2 = dGamma.div(count);
    SDVariable a = gamma.mul(k);
    SDVariable b = a.mul(k).mul(m2).neg();
    SDVariable c = a.mul(m1).add(b.mul(mean)).neg();
    SDVariable dx = dy.mul(a).add(x.mul(b)).add(c);
    return Arrays.asList(dx, sd.zerosLike(mean), sd.zerosLike(variance), dGamma, dBeta);
  }
}
