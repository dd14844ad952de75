package org.soundalike.augment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Step 2: additive white Gaussian noise whose level is drawn relative to the excerpt (an SNR in
 * dB, or a fraction of the excerpt's standard deviation), so quiet and loud excerpts are
 * disturbed alike. A silent excerpt gets no noise: its SNR is undefined, and adding noise would
 * turn silence into a different sound rather than a degraded copy.
 */
public final class WhiteNoise implements Augmentation {

  private final AugmentationPreset.NoiseLevel level;

  public WhiteNoise(AugmentationPreset.NoiseLevel level) {
    this.level = level;
  }

  @Override
  public AugmentationStep step() {
    return AugmentationStep.NOISE;
  }

  @Override
  public AppliedAugmentation apply(float[] audio, RandomGenerator random) {
    Map<String, Double> drawn = new LinkedHashMap<>();
    double noiseStd;
    if (level instanceof AugmentationPreset.SnrDb snr) {
      double snrDb = Draws.uniform(random, snr.minDb(), snr.maxDb());
      drawn.put("snrDb", snrDb);
      noiseStd = rms(audio) * Math.pow(10.0, -snrDb / 20.0);
    } else if (level instanceof AugmentationPreset.RelativeStd relative) {
      double ratio = Draws.uniform(random, relative.min(), relative.max());
      drawn.put("stdRatio", ratio);
      noiseStd = ratio * standardDeviation(audio);
    } else {
      throw new AugmentationException("unknown noise level " + level);
    }
    drawn.put("noiseStd", noiseStd);
    add(audio, noiseStd, random);
    return new AppliedAugmentation(step(), drawn);
  }

  /** Adds zero-mean Gaussian noise of standard deviation {@code noiseStd}. */
  public static void add(float[] audio, double noiseStd, RandomGenerator random) {
    if (noiseStd == 0.0) {
      return;
    }
    for (int i = 0; i < audio.length; i++) {
      audio[i] += (float) (noiseStd * random.nextGaussian());
    }
  }

  static double rms(float[] audio) {
    double sum = 0.0;
    for (float v : audio) {
      sum += (double) v * v;
    }
    return audio.length == 0 ? 0.0 : Math.sqrt(sum / audio.length);
  }

  static double standardDeviation(float[] audio) {
    if (audio.length == 0) {
      return 0.0;
    }
    double mean = 0.0;
    for (float v : audio) {
      mean += v;
    }
    mean /= audio.length;
    double sum = 0.0;
    for (float v : audio) {
      double d = v - mean;
      sum += d * d;
    }
    return Math.sqrt(sum / audio.length);
  }
}
