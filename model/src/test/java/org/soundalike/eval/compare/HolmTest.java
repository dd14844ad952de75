package org.soundalike.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

  @Test
  void multipliesTheIthSmallestByMMinusIPlusOneAndKeepsTheOrder() {
    // Sorted: 0.01 × 4 = 0.04; 0.03 × 3 = 0.09; 0.04 × 2 = 0.08 → raised to 0.09; 0.5 × 1 = 0.5.
    double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.5});
    assertThat(adjusted[0]).isCloseTo(0.04, within(1e-12));
    assertThat(adjusted[1]).isCloseTo(0.09, within(1e-12));
    assertThat(adjusted[2]).isCloseTo(0.09, within(1e-12));
    assertThat(adjusted[3]).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void capsAtOneAndLeavesNanOutOfTheFamily() {
    double[] adjusted = Holm.adjust(new double[] {0.6, Double.NaN, 0.02});
    assertThat(adjusted[2]).isCloseTo(0.04, within(1e-12));
    assertThat(adjusted[0]).isEqualTo(0.6);
    assertThat(adjusted[1]).isNaN();
    assertThat(Holm.adjust(new double[] {0.7, 0.8})).containsExactly(1.0, 1.0);
  }
}
