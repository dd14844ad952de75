package org.soundalike.augment;

/**
 * The steps of the CLMR augmentation chain in the order they are applied (METHOD.md
 * "Augmentation chain"), plus the final peak normalisation that keeps the output in [-1, 1].
 */
public enum AugmentationStep {
  POLARITY_INVERSION,
  NOISE,
  GAIN,
  FILTER,
  DELAY,
  PITCH_SHIFT,
  REVERB,
  /** Not one of the seven: recorded only when the chain had to scale its output back into [-1, 1]. */
  PEAK_NORMALISATION
}
