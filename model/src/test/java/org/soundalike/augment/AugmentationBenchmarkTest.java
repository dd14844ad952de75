package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AugmentationBenchmarkTest {

  @Test
  void measuresEverySevenStepsThenTheChainAndTheWorstCase() {
    AugmentationBenchmark.Result result = new AugmentationBenchmark(AugmentationPreset.PAPER, 1).run(1, 2);

    assertThat(result.steps())
        .extracting(AugmentationBenchmark.Throughput::name)
        .containsExactly("polarity_inversion", "noise", "gain", "filter", "delay", "pitch_shift", "reverb");
    assertThat(result.chain().name()).isEqualTo("chain");
    assertThat(result.allSteps().name()).isEqualTo("all_seven_steps");
    for (AugmentationBenchmark.Throughput t : result.steps()) {
      assertThat(t.excerpts()).isEqualTo(2);
      assertThat(t.seconds()).isPositive();
      assertThat(t.timesRealTime()).isEqualTo(t.excerptsPerSecond() * 59_049 / 22_050.0, within(1e-6 * t.timesRealTime()));
    }
  }
}
