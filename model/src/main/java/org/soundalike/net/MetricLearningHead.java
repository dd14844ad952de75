package org.soundalike.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The metric-learning head (METHOD.md "Network" and "Losses"): after the branch point h, the
 * similarity embedding z = L2normalize(LayerNorm without affine(h)) and the tag head W with
 * probabilities sigmoid(W z), trained only by L_ML ({@link MaskedBceLoss}). The training graphs,
 * the inference graph, the ONNX export and the training loop (which freezes or re-initialises W)
 * all take the head from here.
 */
public final class MetricLearningHead {

  /** The tag head W's parameter, stored transposed ({@code [D, T]}, logits = z · W). */
  public static final String TAG_HEAD = "tags.w";

  /** PyTorch's LayerNorm default. */
  public static final double LAYER_NORM_EPSILON = 1e-5;

  /** Keeps the L2 normalisation's gradient finite for an all-zero vector. */
  static final double L2_EPSILON = 1e-12;

  private MetricLearningHead() {}

  /** z = L2normalize(LayerNorm without affine(h)), h {@code [N, D]}. */
  static SDVariable embedding(SameDiff sd, SDVariable h) {
    SDVariable centred = h.sub(sd.mean(h, true, 1));
    SDVariable variance = sd.mean(sd.math().square(centred), true, 1);
    SDVariable normalised = centred.mul(sd.math().rsqrt(variance.add(LAYER_NORM_EPSILON)));
    SDVariable norm = sd.math().sqrt(sd.sum(sd.math().square(normalised), true, 1).add(L2_EPSILON));
    return sd.identity("z", normalised.div(norm));
  }

  /** Tag logits W z. */
  static SDVariable tagLogits(SameDiff sd, SDVariable z, SDVariable tagHead) {
    return sd.identity("tagLogits", z.mmul(tagHead));
  }

  /** L_ML on the tag logits of z: masked BCE over the labelled views. */
  static SDVariable loss(SameDiff sd, String name, SDVariable tagLogits, SDVariable labels, SDVariable viewWeights) {
    return MaskedBceLoss.build(sd, name, tagLogits, labels, viewWeights);
  }
}
