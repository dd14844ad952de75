package org.soundalike.augment;

import java.util.Map;
import java.util.random.RandomGenerator;

/** Step 3: scale the excerpt by a gain drawn uniformly in dB. */
public final class Gain implements Augmentation {

  private final AugmentationPreset.Gain range;

  public Gain(AugmentationPreset.Gain range) {
    this.range = range;
  }

  @Override
  public AugmentationStep step() {
    return AugmentationStep.GAIN;
  }

  @Override
  public AppliedAugmentation apply(float[] audio, RandomGenerator random) {
    double gainDb = Draws.uniform(random, range.minDb(), range.maxDb());
    scale(audio, gainDb);
    return new AppliedAugmentation(step(), Map.of("gainDb", gainDb));
  }

  public static void scale(float[] audio, double gainDb) {
    double factor = Math.pow(10.0, gainDb / 20.0);
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (float) (audio[i] * factor);
    }
  }
}
