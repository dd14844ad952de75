package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AugmentationPresetTest {

  @Test
  void paperIsMethodsChain() {
    AugmentationPreset paper = AugmentationPreset.named("paper");

    assertThat(paper).isSameAs(AugmentationPreset.PAPER);
    assertThat(paper.probability(AugmentationStep.POLARITY_INVERSION)).isEqualTo(0.8);
    assertThat(paper.probability(AugmentationStep.NOISE)).isEqualTo(0.01);
    assertThat(paper.probability(AugmentationStep.GAIN)).isEqualTo(0.3);
    assertThat(paper.probability(AugmentationStep.FILTER)).isEqualTo(0.8);
    assertThat(paper.probability(AugmentationStep.DELAY)).isEqualTo(0.3);
    assertThat(paper.probability(AugmentationStep.PITCH_SHIFT)).isEqualTo(0.6);
    assertThat(paper.probability(AugmentationStep.REVERB)).isEqualTo(0.6);
    assertThat(paper.gain().minDb()).isEqualTo(-6.0);
    assertThat(paper.gain().maxDb()).isEqualTo(0.0);
    assertThat(paper.delay().millis()).containsExactly(200, 250, 300, 350, 400, 450, 500);
    assertThat(paper.noise().level()).isInstanceOf(AugmentationPreset.SnrDb.class);
  }

  @Test
  void referenceDiffersInNoiseGainAndDelay() {
    AugmentationPreset reference = AugmentationPreset.named(" Reference ");

    assertThat(reference.noise().level()).isEqualTo(new AugmentationPreset.RelativeStd(1e-4, 1e-2));
    assertThat(reference.gain().minDb()).isEqualTo(-20.0);
    assertThat(reference.gain().maxDb()).isEqualTo(-1.0);
    assertThat(reference.delay().millis()).containsExactly(200, 250, 300, 350, 400, 450);
    assertThat(reference.delay().mixScale()).isEqualTo(0.5);
  }

  @Test
  void unknownNameIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> AugmentationPreset.named("simclr"))
        .isInstanceOf(AugmentationException.class)
        .hasMessageContaining("'simclr'")
        .hasMessageContaining("paper")
        .hasMessageContaining("reference");
  }
}
