package org.soundalike.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * L_ML: binary cross-entropy per tag, averaged over tags, then over the labelled views only.
 * Both views of a labelled track are labelled, so the mean over labelled views is the mean of the
 * two views' losses. Unlabelled views get weight 0; with no labelled view at all every weight is
 * 0 and the loss (and its gradient) is exactly 0.
 */
public final class MaskedBceLoss {

  private MaskedBceLoss() {}

  /**
   * @param logits {@code [V, T]} tag logits
   * @param labels {@code [V, T]} multi-hot targets (any value for unlabelled views)
   * @param viewWeights {@code [V]} from {@link #viewWeights}
   */
  public static SDVariable build(SameDiff sd, String name, SDVariable logits, SDVariable labels, SDVariable viewWeights) {
    // Stable BCE with logits: max(x, 0) − x·y + log(1 + e^−|x|).
    SDVariable perTag = sd.nn().relu(logits, 0)
        .sub(logits.mul(labels))
        .add(sd.math().log1p(sd.math().exp(sd.math().abs(logits).neg())));
    // keepDims + reshape: a plain row reduction's backward op fails in SameDiff 1.0.0-M2.1.
    SDVariable perView = sd.reshape(sd.mean(perTag, true, 1), -1);
    return sd.sum(name, perView.mul(viewWeights), 0);
  }

  /** Weight 1/(number of labelled views) for a labelled view, 0 otherwise. */
  public static INDArray viewWeights(boolean[] labelled, DataType type) {
    int count = 0;
    for (boolean l : labelled) {
      count += l ? 1 : 0;
    }
    double[] weights = new double[labelled.length];
    for (int i = 0; i < labelled.length; i++) {
      weights[i] = labelled[i] ? 1.0 / count : 0.0;
    }
    return Nd4j.create(weights, new long[] {labelled.length}, DataType.DOUBLE).castTo(type);
  }
}
