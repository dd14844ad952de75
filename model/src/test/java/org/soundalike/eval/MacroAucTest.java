package org.soundalike.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.soundalike.eval.Fixtures.track;
import static org.soundalike.eval.Fixtures.unit;

import java.util.List;
import org.junit.jupiter.api.Test;

class MacroAucTest {

  private static final double EPS = 1e-12;

  /** Four tracks, tags a, b, c; t4 has no tag; no track has c. */
  static EvaluationSet fourTracks() {
    return EvaluationSet.of(List.of(
        track("t1", List.of("a"), unit(1, 0), "a", 0.9, "b", 0.2, "c", 0.1),
        track("t2", List.of("b"), unit(0, 1), "a", 0.3, "b", 0.8, "c", 0.4),
        track("t3", List.of("a", "b"), unit(1, 1), "a", 0.6, "b", 0.5, "c", 0.3),
        track("t4", List.of(), unit(1, -1), "a", 0.7, "b", 0.1, "c", 0.2)));
  }

  @Test
  void usesEveryTrackIncludingUntaggedOnesAndExcludesTagsWithoutPositive() {
    MacroAuc auc = MacroAuc.of(fourTracks());
    // Tag a: positives t1 (.9), t3 (.6); negatives t2 (.3) and the untagged t4 (.7).
    // ROC: .9 > .3, .9 > .7, .6 > .3, .6 < .7 -> 3/4 (it would be 1 without t4).
    // AP: ranking .9+ .7- .6+ .3- -> 1/2 * 1 + 1/2 * 2/3 = 5/6.
    // Tag b: positives .8, .5; negatives .2, .1 -> ROC 1, AP 1.
    // Tag c: no positive -> excluded.
    assertThat(auc.excludedTags()).containsExactly("c");
    assertThat(auc.perTag()).extracting(MacroAuc.TagAuc::tag).containsExactly("a", "b");
    assertThat(auc.perTag().get(0).rocAuc()).isCloseTo(0.75, within(EPS));
    assertThat(auc.perTag().get(0).averagePrecision()).isCloseTo(5.0 / 6, within(EPS));
    assertThat(auc.perTag().get(1).rocAuc()).isCloseTo(1, within(EPS));
    assertThat(auc.perTag().get(1).averagePrecision()).isCloseTo(1, within(EPS));
    // Macro: (3/4 + 1) / 2 = 7/8; (5/6 + 1) / 2 = 11/12.
    assertThat(auc.rocAuc()).isCloseTo(7.0 / 8, within(EPS));
    assertThat(auc.prAuc()).isCloseTo(11.0 / 12, within(EPS));
  }

  @Test
  void aTagEveryTrackHasIsExcludedToo() {
    EvaluationSet set = EvaluationSet.of(List.of(
        track("t1", List.of("all", "x"), unit(1, 0), "all", 0.9, "x", 0.8),
        track("t2", List.of("all"), unit(0, 1), "all", 0.4, "x", 0.1)));
    MacroAuc auc = MacroAuc.of(set);
    assertThat(auc.excludedTags()).containsExactly("all");
    assertThat(auc.rocAuc()).isCloseTo(1, within(EPS));
  }

  @Test
  void meansAreNaNWhenEveryTagIsExcluded() {
    EvaluationSet set = EvaluationSet.of(List.of(
        track("t1", List.of(), unit(1, 0), "x", 0.8),
        track("t2", List.of(), unit(0, 1), "x", 0.1)));
    MacroAuc auc = MacroAuc.of(set);
    assertThat(auc.excludedTags()).containsExactly("x");
    assertThat(auc.rocAuc()).isNaN();
    assertThat(auc.prAuc()).isNaN();
  }
}
