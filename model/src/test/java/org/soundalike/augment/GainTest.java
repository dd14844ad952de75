package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GainTest {

  @Test
  void changesRmsByExactlyTheDrawnDecibels() {
    for (AugmentationPreset preset : AugmentationPreset.ALL) {
      Gain gain = new Gain(preset.gain());
      for (long seed = 0; seed < 30; seed++) {
        float[] x = Signals.musicLike(seed, Signals.N);
        float[] y = x.clone();

        AppliedAugmentation applied = gain.apply(y, new SplittableRandom(seed));

        double drawn = applied.parameter("gainDb");
        assertThat(drawn).isBetween(preset.gain().minDb(), preset.gain().maxDb());
        double measured = 20 * Math.log10(Signals.rms(y) / Signals.rms(x));
        assertThat(measured).isCloseTo(drawn, within(1e-4));
      }
    }
  }
}
