package org.soundalike.augment;

import java.util.random.RandomGenerator;

/**
 * One step of the augmentation chain. It draws its parameters from the generator it is given
 * (so a seeded generator makes it reproducible), changes the excerpt in place (the length stays
 * the same) and reports what it drew.
 */
public interface Augmentation {

  AugmentationStep step();

  AppliedAugmentation apply(float[] audio, RandomGenerator random);
}
