package org.soundalike.pipeline.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunnerDefaultsTest {

  @Test
  void spaceSeparatedValuesBecomeBeamsNameEqualsValueForm() {
    String[] args = {"--input", "/data/in", "--out=/data/out", "--streaming", "--seeds", "3", "--variants", "A,G,CLMR"};

    assertThat(RunnerDefaults.joinSpacedValues(args)).containsExactly(
        "--input=/data/in", "--out=/data/out", "--streaming", "--seeds=3", "--variants=A,G,CLMR");
  }

  @Test
  void aValueAfterAnOptionThatAlreadyHasOneIsLeftForBeamToRefuse() {
    String[] args = {"--out=/a", "stray"};

    assertThat(RunnerDefaults.joinSpacedValues(args)).containsExactly("--out=/a", "stray");
  }
}
