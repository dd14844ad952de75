package org.soundalike.net;

import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.DynamicCustomOp;

/**
 * libnd4j's {@code batchnorm} op over the last (channel) axis of an NHWC tensor, with a working
 * gradient. ND4J 1.0.0-M2.1's own {@code BatchNorm} class fails to differentiate ("Invalid axis
 * argument ... Got null"), but the native {@code batchnorm_bp} is sound: it returns the full
 * training-mode input gradient (the mean and variance are taken as this batch's statistics) and
 * zero for the mean and variance, and with the oneDNN natives it runs as one fused primitive. So
 * the batch statistics are computed in the graph and must not be differentiated a second time:
 * see {@link SampleCnnGraph}.
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

  @Override
  public List<SDVariable> doDiff(List<SDVariable> gradients) {
    SDVariable[] in = args();
    return Arrays.asList(
        new Backprop(sameDiff, in[0], in[1], in[2], in[3], in[4], gradients.get(0), getTArgument(0))
            .outputVariables());
  }

  /** libnd4j's {@code batchnorm_bp}: gradients for input, mean, variance, gamma, beta. */
  static final class Backprop extends DynamicCustomOp {

    Backprop(
        SameDiff sd,
        SDVariable input,
        SDVariable mean,
        SDVariable variance,
        SDVariable gamma,
        SDVariable beta,
        SDVariable outputGradient,
        double epsilon) {
      super(null, sd, new SDVariable[] {input, mean, variance, gamma, beta, outputGradient});
      addIArgument(1, 1, 3);
      addTArgument(epsilon);
    }

    @Override
    public String opName() {
      return "batchnorm_bp";
    }

    @Override
    public List<DataType> calculateOutputDataTypes(List<DataType> inputTypes) {
      DataType type = inputTypes.get(0);
      return List.of(type, type, type, type, type);
    }

    /** The native descriptor declares 3 outputs (the minimum); with γ and β there are 5. */
    @Override
    public int getNumOutputs() {
      return 5;
    }
  }
}
