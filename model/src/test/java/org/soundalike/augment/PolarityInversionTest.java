package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PolarityInversionTest {

  @Test
  void givesExactlyTheNegatedExcerpt() {
    float[] x = Signals.musicLike(1, Signals.N);
    float[] y = x.clone();

    AppliedAugmentation applied = new PolarityInversion().apply(y, new SplittableRandom(3));

    for (int i = 0; i < x.length; i++) {
      assertThat(y[i]).isEqualTo(-x[i]);
    }
    assertThat(applied.step()).isEqualTo(AugmentationStep.POLARITY_INVERSION);
    assertThat(applied.parameters()).isEmpty();
  }
}
