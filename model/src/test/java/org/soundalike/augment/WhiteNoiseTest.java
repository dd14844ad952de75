package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WhiteNoiseTest {

  @Test
  void paperNoiseLandsInItsSnrRangeAtTheDrawnSnr() {
    AugmentationPreset.SnrDb range = (AugmentationPreset.SnrDb) AugmentationPreset.PAPER.noise().level();
    WhiteNoise noise = new WhiteNoise(range);
    for (long seed = 0; seed < 40; seed++) {
      float[] x = Signals.musicLike(seed, Signals.N);
      float[] y = x.clone();

      AppliedAugmentation applied = noise.apply(y, new SplittableRandom(seed));

      double measuredSnr = 10 * Math.log10(Signals.energy(x) / Signals.energy(difference(y, x)));
      assertThat(measuredSnr).isBetween(range.minDb() - 0.1, range.maxDb() + 0.1);
      assertThat(measuredSnr).isCloseTo(applied.parameter("snrDb"), within(0.1));
    }
  }

  @Test
  void referenceNoiseStdIsItsDrawnFractionOfTheExcerptStd() {
    AugmentationPreset.RelativeStd range = (AugmentationPreset.RelativeStd) AugmentationPreset.REFERENCE.noise().level();
    WhiteNoise noise = new WhiteNoise(range);
    for (long seed = 0; seed < 40; seed++) {
      float[] x = Signals.musicLike(seed, Signals.N);
      float[] y = x.clone();

      AppliedAugmentation applied = noise.apply(y, new SplittableRandom(seed));

      double ratio = WhiteNoise.standardDeviation(difference(y, x)) / WhiteNoise.standardDeviation(x);
      assertThat(ratio).isBetween(range.min() * 0.97, range.max() * 1.03);
      assertThat(ratio / applied.parameter("stdRatio")).isCloseTo(1.0, within(0.03));
    }
  }

  @Test
  void leavesSilenceSilent() {
    float[] silence = new float[1000];

    new WhiteNoise(AugmentationPreset.PAPER.noise().level()).apply(silence, new SplittableRandom(1));

    assertThat(Signals.peak(silence)).isZero();
  }

  private static float[] difference(float[] y, float[] x) {
    float[] d = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = y[i] - x[i];
    }
    return d;
  }
}
