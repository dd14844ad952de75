package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PitchShiftTest {

  @ParameterizedTest
  @ValueSource(doubles = {-7.0, -3.5, 0.7, 4.0, 7.0})
  void movesASineFromFToFTimesTwoToTheNOver12AndKeepsTheLength(double semitones) {
    double f = 440.0;
    float[] x = Signals.sine(f, 0.5, Signals.N);

    float[] y = PitchShift.shift(x, semitones);

    assertThat(y).hasSize(x.length);
    double expected = f * Math.pow(2, semitones / 12.0);
    // The middle of the excerpt, clear of the stretch's start-up and the padded end.
    double measured = Signals.dominantFrequency(Arrays.copyOfRange(y, 4096, Signals.N - 4096));
    assertThat(measured / expected).isCloseTo(1.0, within(0.01));
    assertThat(Signals.rms(Arrays.copyOfRange(y, 4096, Signals.N - 4096))).isCloseTo(0.5 / Math.sqrt(2), within(0.05));
  }

  @Test
  void drawsSemitonesInRangeAndKeepsTheLengthOfAnyExcerpt() {
    PitchShift shift = new PitchShift(AugmentationPreset.PAPER.pitch());
    SplittableRandom random = new SplittableRandom(2);
    for (int length : new int[] {1, 100, 3000, Signals.N}) {
      float[] y = Signals.musicLike(length, length);

      AppliedAugmentation applied = shift.apply(y, random);

      assertThat(applied.parameter("semitones")).isBetween(-7.0, 7.0);
      assertThat(y).hasSize(length);
      assertThat(Signals.allFinite(y)).isTrue();
    }
  }

  @Test
  void mirrorPaddingReflectsTheEndWithoutRepeatingTheLastSample() {
    float[] padded = PitchShift.mirrorPadded(new float[] {1, 2, 3}, 5);

    assertThat(padded).containsExactly(1, 2, 3, 2, 1, 2, 3, 2);
  }
}
