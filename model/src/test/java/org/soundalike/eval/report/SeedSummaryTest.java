package org.soundalike.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Mean and 95 % interval over seeds: percentiles from three seeds on, min/max below. */
class SeedSummaryTest {

  @Test
  void threeSeedsGiveThePercentileInterval() {
    SeedSummary s = SeedSummary.of(new double[] {57, 50, 52});
    assertThat(s.mean()).isCloseTo(53, within(1e-12));
    // Sorted 50, 52, 57. 2.5 %: position 0.05 -> 50 + 0.05 * 2 = 50.1; 97.5 %: position 1.95 -> 52 + 0.95 * 5 = 56.75.
    assertThat(s.low()).isCloseTo(50.1, within(1e-12));
    assertThat(s.high()).isCloseTo(56.75, within(1e-12));
    assertThat(s.seeds()).isEqualTo(3);
  }

  @Test
  void twoSeedsGiveMinAndMax() {
    SeedSummary s = SeedSummary.of(new double[] {44, 40});
    assertThat(s.mean()).isEqualTo(42);
    assertThat(s.low()).isEqualTo(40);
    assertThat(s.high()).isEqualTo(44);
    assertThat(s.seeds()).isEqualTo(2);
  }

  @Test
  void oneSeedIsItsOwnInterval() {
    assertThat(SeedSummary.of(new double[] {61.2})).isEqualTo(new SeedSummary(61.2, 61.2, 61.2, 1));
  }
}
