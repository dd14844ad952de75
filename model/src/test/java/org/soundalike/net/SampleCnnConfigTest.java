package org.soundalike.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class SampleCnnConfigTest {

  @Test
  void thePaperNetworkCosts1728point6MillionMultiplyAddsPerExcerpt() {
    assertThat(SampleCnnConfig.PAPER.encoderMultiplyAdds()).isEqualTo(1_728_566_400L);
    assertThat(SampleCnnConfig.PAPER.encoderForwardFlops() / 1e9).isBetween(3.457, 3.458);
  }

  @Test
  void configsAreFoundByName() {
    assertThat(SampleCnnConfig.named("paper")).isSameAs(SampleCnnConfig.PAPER);
    assertThat(SampleCnnConfig.named("Compact")).isSameAs(SampleCnnConfig.COMPACT);
    assertThat(SampleCnnConfig.named("small")).isSameAs(SampleCnnConfig.SMALL);
    assertThatThrownBy(() -> SampleCnnConfig.named("huge")).hasMessageContaining("'huge'");
  }

  @Test
  void theSmallNetworkHasAnEighthOfEveryPaperWidthAndAboutASixtyFourthOfItsWork() {
    SampleCnnConfig small = SampleCnnConfig.SMALL;
    assertThat(small.stemChannels()).isEqualTo(SampleCnnConfig.PAPER.stemChannels() / 8);
    assertThat(small.blockChannels())
        .isEqualTo(SampleCnnConfig.PAPER.blockChannels().stream().map(c -> c / 8).toList());
    assertThat(small.embeddingChannels()).isEqualTo(SampleCnnConfig.PAPER.embeddingChannels() / 8);
    double ratio = (double) SampleCnnConfig.PAPER.encoderMultiplyAdds() / small.encoderMultiplyAdds();
    assertThat(ratio).isBetween(55.0, 64.0);
  }

  @Test
  void sampleCnnHasNineBlocks() {
    assertThatThrownBy(() -> new SampleCnnConfig("short", 8, List.of(8, 8), 8, 8, 8, 5))
        .hasMessageContaining("9 blocks, got 2");
  }

  @Test
  void thePaperParametersHaveTheLayerShapesOfMethodMd() {
    NetworkParameters p = NetworkParameters.initialize(SampleCnnConfig.PAPER, DataType.FLOAT, 1);

    assertThat(p.get("stem.w").shape()).containsExactly(1, 3, 1, 128);
    assertThat(p.get("block3.w").shape()).containsExactly(1, 3, 128, 256);
    assertThat(p.get("block9.w").shape()).containsExactly(1, 3, 256, 512);
    assertThat(p.get("final.w").shape()).containsExactly(1, 3, 512, 512);
    assertThat(p.get("projector.w1").shape()).containsExactly(512, 512);
    assertThat(p.get("projector.w2").shape()).containsExactly(512, 64);
    assertThat(p.get("tags.w").shape()).containsExactly(512, 50);
    // Kaiming-uniform, fan-in 3·128, ReLU gain: |w| ≤ √(6/384) = 0.125.
    assertThat(p.get("block1.w").amaxNumber().doubleValue()).isLessThanOrEqualTo(0.125).isGreaterThan(0.12);
    assertThat(p.get("block1.gamma").minNumber().doubleValue()).isEqualTo(1.0);
  }

  @Test
  void theSameSeedGivesTheSameWeights() {
    NetworkParameters a = NetworkParameters.initialize(SampleCnnConfig.COMPACT, DataType.FLOAT, 5);
    NetworkParameters b = NetworkParameters.initialize(SampleCnnConfig.COMPACT, DataType.FLOAT, 5);
    NetworkParameters c = NetworkParameters.initialize(SampleCnnConfig.COMPACT, DataType.FLOAT, 6);

    assertThat(a.get("block4.w")).isEqualTo(b.get("block4.w"));
    assertThat(a.get("block4.w")).isNotEqualTo(c.get("block4.w"));
  }
}
