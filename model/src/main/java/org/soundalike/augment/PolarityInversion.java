package org.soundalike.augment;

import java.util.Map;
import java.util.random.RandomGenerator;

/** Step 1: multiply every sample by -1 (no parameters to draw). */
public final class PolarityInversion implements Augmentation {

  @Override
  public AugmentationStep step() {
    return AugmentationStep.POLARITY_INVERSION;
  }

  @Override
  public AppliedAugmentation apply(float[] audio, RandomGenerator random) {
    invert(audio);
    return new AppliedAugmentation(step(), Map.of());
  }

  public static void invert(float[] audio) {
    for (int i = 0; i < audio.length; i++) {
      audio[i] = -audio[i];
    }
  }
}
