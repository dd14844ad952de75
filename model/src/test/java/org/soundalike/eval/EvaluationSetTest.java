package org.soundalike.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soundalike.eval.Fixtures.track;
import static org.soundalike.eval.Fixtures.unit;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSetTest {

  @Test
  void theVocabularyIsTheSortedUnionOfTheScoreKeys() {
    EvaluationSet set = EvaluationSet.of(List.of(
        track("a", List.of("rock"), unit(1, 0), "rock", 0.9, "jazz", 0.1),
        track("b", List.of(), unit(0, 1), "jazz", 0.3, "rock", 0.2)));
    assertThat(set.tags()).containsExactly("jazz", "rock");
    assertThat(set.labels()[0]).containsExactly(false, true);
    assertThat(set.scores()[1]).containsExactly(0.3, 0.2);
    assertThat(set.tracksWithTags()).containsExactly(0);
  }

  @Test
  void embeddingsOfDifferentLengthsAreRejected() {
    assertThatThrownBy(() -> EvaluationSet.of(List.of(
        track("a", List.of(), unit(1, 0), "x", 0.1),
        track("b", List.of(), unit(1, 0, 0), "x", 0.1))))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("track b: embedding has 3 dimensions, track a has 2");
  }

  @Test
  void anAllZeroEmbeddingIsRejected() {
    assertThatThrownBy(() -> EvaluationSet.of(List.of(track("z", List.of(), new float[] {0, 0}, "x", 0.1))))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("track z: embedding is all zeros");
  }

  @Test
  void aMissingScoreIsRejected() {
    assertThatThrownBy(() -> EvaluationSet.of(List.of(
        track("a", List.of(), unit(1, 0), "x", 0.1, "y", 0.2),
        track("b", List.of(), unit(0, 1), "x", 0.1))))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("track b: no score for tag 'y'");
  }

  @Test
  void aTagOutsideTheVocabularyIsRejected() {
    assertThatThrownBy(() -> EvaluationSet.of(List.of(track("a", List.of("polka"), unit(1, 0), "x", 0.1))))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("track a: tag 'polka' is not in the tag vocabulary");
  }

  @Test
  void duplicateIdsAndEmptyInputAreRejected() {
    assertThatThrownBy(() -> EvaluationSet.of(List.of(
        track("a", List.of(), unit(1, 0), "x", 0.1),
        track("a", List.of(), unit(0, 1), "x", 0.1))))
        .hasMessage("track a appears more than once");
    assertThatThrownBy(() -> EvaluationSet.of(List.of())).hasMessage("no tracks to evaluate");
  }
}
