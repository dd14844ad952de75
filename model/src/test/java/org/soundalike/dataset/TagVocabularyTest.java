package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagVocabularyTest {

  private final TagVocabulary vocabulary = TagVocabulary.of(List.of("rock", "ambient", "female vocal"));

  @Test
  void keepsTheGivenOrder() {
    assertThat(vocabulary.tags()).containsExactly("rock", "ambient", "female vocal");
    assertThat(vocabulary.indexOf("female vocal")).isEqualTo(2);
    assertThat(vocabulary.indexOf("jazz")).isEqualTo(-1);
    assertThat(vocabulary.size()).isEqualTo(3);
  }

  @Test
  void multiHotMarksThePositionsOfTheTags() {
    assertThat(vocabulary.multiHot(TagSet.of(List.of("female vocal", "rock")))).containsExactly(1f, 0f, 1f);
    assertThat(vocabulary.multiHot(TagSet.empty())).containsExactly(0f, 0f, 0f);
  }

  @Test
  void tagsOfInvertsMultiHot() {
    TagSet tags = TagSet.of(List.of("ambient"));
    assertThat(vocabulary.tagsOf(vocabulary.multiHot(tags))).isEqualTo(tags);
    assertThatThrownBy(() -> vocabulary.tagsOf(new float[2])).hasMessageContaining("2 values");
  }

  @Test
  void aTagOutsideTheVocabularyIsAnError() {
    assertThatThrownBy(() -> vocabulary.multiHot(TagSet.of(List.of("jazz"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jazz");
  }

  @Test
  void duplicateTagsAreRejected() {
    assertThatThrownBy(() -> TagVocabulary.of(List.of("rock", "pop", "rock"))).hasMessageContaining("rock");
  }

  @Test
  void sortedUnionCollectsEveryTag() {
    TagVocabulary union = TagVocabulary.sortedUnionOf(
        List.of(TagSet.of(List.of("b", "a")), TagSet.empty(), TagSet.of(List.of("c", "a"))));
    assertThat(union.tags()).containsExactly("a", "b", "c");
  }
}
