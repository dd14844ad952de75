package org.soundalike.net;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SimCLR's NT-Xent loss (L_SSL): cosine similarities divided by τ; for each of the 2B anchors the
 * positive is the other view of its track and the 2B−2 remaining views are the negatives; the
 * loss is the mean cross-entropy over all 2B anchors (both directions of every pair).
 */
public final class NtXentLoss {

  /** The paper's temperature. */
  public static final double TEMPERATURE = 0.5;

  /** Pushes an anchor's similarity with itself out of the softmax (exp underflows to 0). */
  private static final double SELF_MASK = 1e9;

  private NtXentLoss() {}

  /**
   * @param projections {@code [2B, P]}: rows 0..B−1 are the first views, rows B..2B−1 the second
   *     views of the same tracks in the same order
   * @param views 2B, fixed when the graph is built
   */
  public static SDVariable build(SameDiff sd, String name, SDVariable projections, int views, double temperature) {
    if (views < 2 || views % 2 != 0) {
      throw new IllegalArgumentException("NT-Xent needs pairs of views, got " + views + " views");
    }
    int tracks = views / 2;
    INDArray positives = Nd4j.zeros(projections.dataType(), views, views);
    for (int i = 0; i < views; i++) {
      positives.putScalar(i, (i + tracks) % views, 1.0);
    }
    INDArray self = Nd4j.eye(views).castTo(projections.dataType()).muli(SELF_MASK);

    SDVariable norms = sd.math().sqrt(sd.sum(sd.math().square(projections), true, 1).add(1e-12));
    SDVariable unit = projections.div(norms);
    SDVariable similarities = unit.mmul(sd.transpose(unit)).div(temperature);
    SDVariable logits = similarities.sub(sd.constant(name + ".selfMask", self));
    // Cosine similarities over τ lie in [−1/τ, 1/τ], so exp cannot overflow and no max shift is
    // needed; SameDiff 1.0.0-M2.1's logSumExp op has a wrong gradient for a row reduction.
    SDVariable logNormaliser =
        sd.reshape(sd.math().log(sd.sum(sd.math().exp(logits), true, 1)), -1);
    // keepDims + reshape: a plain row reduction's backward op fails in SameDiff 1.0.0-M2.1.
    SDVariable positive = sd.reshape(sd.sum(similarities.mul(sd.constant(name + ".positives", positives)), true, 1), -1);
    return sd.mean(name, logNormaliser.sub(positive), 0);
  }
}
