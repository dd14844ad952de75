package org.soundalike.augment;

import java.io.Serializable;
import java.util.List;

/**
 * An augmented view of one excerpt.
 *
 * @param audio the augmented samples, same length as the input, finite and within [-1, 1]
 * @param applied the steps applied, in chain order (a {@link AugmentationStep#PEAK_NORMALISATION}
 *     last if the output had to be scaled back into [-1, 1])
 * @param preset the name of the preset whose ranges and probabilities were used
 * @param seed the seed the draws came from: the same excerpt, preset and seed give the same view
 */
public record AugmentedExcerpt(float[] audio, List<AppliedAugmentation> applied, String preset, long seed)
    implements Serializable {

  public AugmentedExcerpt {
    applied = List.copyOf(applied);
  }

  public boolean wasApplied(AugmentationStep step) {
    return applied.stream().anyMatch(a -> a.step() == step);
  }
}
