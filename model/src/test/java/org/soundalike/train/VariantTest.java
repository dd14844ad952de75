package org.soundalike.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VariantTest {

  @Test
  void thePaperRowsHaveTheirTechniquesAndAlphas() {
    assertThat(Variant.SUPERVISED_ONLY.techniques()).isEqualTo("none");
    assertThat(Variant.named("B").techniques()).isEqualTo("a");
    assertThat(Variant.named("C").techniques()).isEqualTo("p");
    String[][] rows = {
      {"D", "a+c+p", "0.1"}, {"E", "c+p", "0.1"}, {"F", "a+c+p", "1"}, {"G", "c+p", "1"},
      {"H", "a+c+p", "10"}, {"I", "c+p", "10"}, {"J", "a+c+p", "0.05"}, {"K", "c+p", "0.05"},
      {"L", "a+c+p", "0.1"}, {"M", "c+p", "0.1"}, {"N", "a+c+p", "1"}, {"O", "c+p", "1"},
    };
    for (String[] row : rows) {
      Variant variant = Variant.named(row[0]);
      assertThat(variant.techniques()).as(row[0]).isEqualTo(row[1]);
      assertThat(variant.alpha()).as(row[0]).isEqualTo(Double.parseDouble(row[2]));
    }
    assertThat(Variant.named("clmr").techniques()).isEqualTo("p+frozen");
  }

  @Test
  void lambdaIsAlphaOverRWithTechniqueCAndZeroWithout() {
    assertThat(Variant.named("G").lambda(22.0)).isEqualTo(1 / 22.0);
    assertThat(Variant.named("M").lambda(18.95)).isEqualTo(0.1 / 18.95);
    assertThat(Variant.SUPERVISED_ONLY.lambda(null)).isZero();
    assertThat(Variant.named("C").lambda(22.0)).isZero();
    assertThat(Variant.PRETRAIN.lambda(null)).isEqualTo(1);
    assertThatThrownBy(() -> Variant.named("G").lambda(null)).hasMessageContaining("needs r");
  }

  @Test
  void alphaCanBeOverriddenOnlyWithTechniqueC() {
    assertThat(Variant.named("G").withAlpha(0.05).lambda(10.0)).isEqualTo(0.005);
    assertThatThrownBy(() -> Variant.named("B").withAlpha(1)).hasMessageContaining("no technique c");
    assertThatThrownBy(() -> Variant.named("Z")).hasMessageContaining("'Z'").hasMessageContaining("CLMR");
  }
}
