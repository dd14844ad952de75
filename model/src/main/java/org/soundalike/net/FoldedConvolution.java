package org.soundalike.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A convolution followed by inference-mode batch norm, as one convolution: with s = γ/√(σ²+ε),
 * W' = W·s (per output channel) and b' = β − μ·s. Also what an exported inference graph uses.
 *
 * @param weights {@code [1, 3, in, out]}
 * @param bias {@code [out]}
 */
public record FoldedConvolution(INDArray weights, INDArray bias) {

  /** Folds layer {@code layer}'s weights, γ, β and running averages as they are now. */
  public static FoldedConvolution of(NetworkParameters parameters, String layer) {
    INDArray scale = parameters.get(layer + ".gamma")
        .div(Transforms.sqrt(parameters.get(layer + ".var").add(NetworkParameters.BATCH_NORM_EPSILON)));
    INDArray w = parameters.get(layer + ".w");
    INDArray weights = w.reshape(-1, w.size(3)).mulRowVector(scale).reshape(w.shape());
    INDArray bias = parameters.get(layer + ".beta").sub(parameters.get(layer + ".mean").mul(scale));
    return new FoldedConvolution(weights, bias);
  }
}
