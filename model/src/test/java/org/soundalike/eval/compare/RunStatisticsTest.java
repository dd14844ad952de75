package org.soundalike.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.eval.MacroAuc;
import org.soundalike.eval.MetricsEvaluator;
import org.soundalike.eval.SyntheticEvaluationSet;

class RunStatisticsTest {

  @Test
  void withEveryMultiplicityOneTheValuesAreThePapersTable() {
    EvaluationSet set = SyntheticEvaluationSet.generate(120, 16, 6, 4);
    Map<String, Double> table = MetricsEvaluator.withDefaults().evaluate(set).table();
    RunStatistics statistics = RunStatistics.of(set);
    int[] ones = new int[statistics.queries()];
    Arrays.fill(ones, 1);
    assertThat(statistics.metrics().keySet()).containsExactlyElementsOf(table.keySet());
    table.forEach((name, value) ->
        assertThat(statistics.metrics().get(name).applyAsDouble(ones)).as(name).isCloseTo(value, within(1e-9)));
  }

  @Test
  void aTrackCountedTwiceGivesTheAucsOfTheSetWithItsCopy() {
    // Hand-checkable: scores 0.9 (+), 0.5 (−), 0.5 (+), 0.1 (−) for one tag, plus a second tag.
    List<EmbeddedTrack> tracks = List.of(
        track("a", List.of("x"), 0.9, 0.2), track("b", List.of("y"), 0.5, 0.7),
        track("c", List.of("x", "y"), 0.5, 0.1), track("d", List.of("y"), 0.1, 0.4));
    WeightedMacroAuc auc = new WeightedMacroAuc(EvaluationSet.of(tracks));
    // Tag x: positives a (0.9), c (0.5); negatives b (0.5), d (0.1): pairs a>b, a>d, c=b (½), c>d → 3.5 / 4.
    // Tag y: positives b (0.7), c (0.1), d (0.4); negative a (0.2): b>a, d>a, c<a → 2 / 3.
    assertThat(auc.rocAuc(new int[] {1, 1, 1, 1})).isCloseTo((3.5 / 4 + 2.0 / 3) / 2, within(1e-12));
    int[] twice = {1, 1, 2, 1};
    List<EmbeddedTrack> withCopy = new ArrayList<>(tracks);
    withCopy.add(track("c2", List.of("x", "y"), 0.5, 0.1));
    MacroAuc expected = MacroAuc.of(EvaluationSet.of(withCopy));
    assertThat(auc.rocAuc(twice)).isCloseTo(expected.rocAuc(), within(1e-12));
    assertThat(auc.prAuc(twice)).isCloseTo(expected.prAuc(), within(1e-12));
    // Without c both tags are ranked perfectly; without a and c no tag has both classes.
    assertThat(auc.rocAuc(new int[] {1, 1, 0, 1})).isCloseTo(1.0, within(1e-12));
    assertThat(auc.rocAuc(new int[] {0, 1, 0, 1})).isNaN();
  }

  private static EmbeddedTrack track(String id, List<String> tags, double x, double y) {
    float[] embedding = {(float) x, (float) y, 1};
    return new EmbeddedTrack(id, tags, embedding, Map.of("x", x, "y", y));
  }
}
