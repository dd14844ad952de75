package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {

  @Test
  void acceptsTheSpellingsOfTheSupportedCatalogs() {
    assertThat(Split.parse("train")).isEqualTo(Split.TRAIN);
    assertThat(Split.parse(" Validation ")).isEqualTo(Split.VALID);
    assertThat(Split.parse("val")).isEqualTo(Split.VALID);
    assertThat(Split.parse("TEST")).isEqualTo(Split.TEST);
    assertThatThrownBy(() -> Split.parse("dev")).hasMessageContaining("'dev'");
  }

  @Test
  void labelsParseBack() {
    for (Split split : Split.values()) {
      assertThat(Split.parse(split.label())).isEqualTo(split);
    }
  }

  @Test
  void tagSetsAreSortedWithoutDuplicatesAndRejectTheSeparator() {
    assertThat(TagSet.of(List.of("rock", "ambient", "rock")).tags()).containsExactly("ambient", "rock");
    assertThatThrownBy(() -> TagSet.of(List.of("a;b"))).hasMessageContaining("a;b");
    assertThatThrownBy(() -> TagSet.of(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
  }
}
