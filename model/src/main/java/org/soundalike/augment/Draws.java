package org.soundalike.augment;

import java.util.random.RandomGenerator;

/** Uniform draws that also accept an empty range (min == max), which presets may use to pin a value. */
final class Draws {

  static double uniform(RandomGenerator random, double min, double max) {
    if (max < min) {
      throw new AugmentationException("empty range [" + min + ", " + max + "]");
    }
    return min == max ? min : random.nextDouble(min, max);
  }

  private Draws() {}
}
