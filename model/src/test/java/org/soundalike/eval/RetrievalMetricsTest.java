package org.soundalike.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.soundalike.eval.Fixtures.track;
import static org.soundalike.eval.Fixtures.unit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.soundalike.dataset.EmbeddedTrack;

/** R@K and M@K on hand-made rankings, and the retrieval protocol around them. */
class RetrievalMetricsTest {

  private static final double EPS = 1e-12;

  // Tags x = 0, y = 1, z = 2. Queries: q0 {x, y}, q1 {x}, q2 {y, z}, q3 {z}.
  private static final TagLabels LABELS = new TagLabels(new boolean[][] {
      {true, true, false},
      {true, false, false},
      {false, true, true},
      {false, false, true}}, 3);
  // Rankings (self excluded): q0 -> 1, 2, 3; q1 -> 0, 3, 2; q2 -> 3, 0, 1; q3 -> 2, 1, 0.
  private static final Neighbours RANKS = new Neighbours(
      new int[][] {{1, 2, 3}, {0, 3, 2}, {3, 0, 1}, {2, 1, 0}}, new float[4][3]);

  @Test
  void recallAtOne() {
    // q0: U = {x} -> 1/2; q1: U = {x, y} -> 1; q2: U = {z} -> 1/2; q3: U = {y, z} -> 1. Mean 3/4.
    RecallAtK r1 = RecallAtK.of(RANKS, LABELS, 1);
    assertThat(r1.perQuery()).containsExactly(0.5, 1.0, 0.5, 1.0);
    assertThat(r1.value()).isCloseTo(0.75, within(EPS));
    assertThat(r1.name()).isEqualTo("R@1");
  }

  @Test
  void recallAtTwoAndKLargerThanTheDatabase() {
    // K = 2: q0: {x} ∪ {y, z}; q1: {x, y} ∪ {z}; q2: {z} ∪ {x, y}; q3: {y, z} ∪ {x} -> all 1.
    assertThat(RecallAtK.of(RANKS, LABELS, 2).value()).isCloseTo(1, within(EPS));
    // K = 8 > 3 results: the union runs over the 3 there are.
    assertThat(RecallAtK.of(RANKS, LABELS, 8).perQuery()).containsExactly(1.0, 1.0, 1.0, 1.0);
  }

  @Test
  void recallWeightedByBootstrapMultiplicities() {
    // q0 twice (1/2 each), q3 once (1): (1/2 + 1/2 + 1) / 3 = 2/3.
    assertThat(RecallAtK.of(RANKS, LABELS, 1).value(new int[] {2, 0, 0, 1})).isCloseTo(2.0 / 3, within(EPS));
  }

  @Test
  void mapAtOne() {
    // Tag x: q0's first result (1) has x -> P(1) = 1 -> 1/1; q1's (0) has x -> 1. Mean 1.
    // Tag y: q0's first (1) lacks y -> 0; q2's first (3) lacks y -> 0. Mean 0.
    // Tag z: q2's first (3) has z -> 1; q3's first (2) has z -> 1. Mean 1.
    // M@1 = (1 + 0 + 1) / 3 = 2/3.
    MapAtK m1 = MapAtK.of(RANKS, LABELS, 1);
    assertThat(m1.value()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(m1.perTag()).containsExactly(1.0, 0.0, 1.0);
    assertThat(m1.name()).isEqualTo("M@1");
  }

  @Test
  void mapAtTwoDividesByK() {
    // Tag x: q0 -> [1 (x), 2] hit at 1: (1) / 2 = 1/2; q1 -> [0 (x), 3]: 1/2. Mean 1/2.
    // Tag y: q0 -> [1, 2 (y)] hit at 2, P(2) = 1/2: (1/2) / 2 = 1/4; q2 -> [3, 0 (y)]: 1/4. Mean 1/4.
    // Tag z: q2 -> [3 (z), 0]: 1/2; q3 -> [2 (z), 1]: 1/2. Mean 1/2.
    // M@2 = (1/2 + 1/4 + 1/2) / 3 = 5/12.
    assertThat(MapAtK.of(RANKS, LABELS, 2).value()).isCloseTo(5.0 / 12, within(EPS));
  }

  @Test
  void mapAtKLargerThanTheDatabaseKeepsDivisorK() {
    // K = 4, only 3 results. Tag x: q0 hit at 1 -> 1/4; q1 hit at 1 -> 1/4. Tag y: q0 hit at 2,
    // P = 1/2 -> 1/8; q2 hit at 2 -> 1/8. Tag z: q2, q3 hit at 1 -> 1/4 each.
    // M@4 = (1/4 + 1/8 + 1/4) / 3 = 5/24.
    assertThat(MapAtK.of(RANKS, LABELS, 4).value()).isCloseTo(5.0 / 24, within(EPS));
  }

  @Test
  void mapAtKWithSeveralHits() {
    // Tags x = 0, w = 1: q0 {x}, q1 {w}, q2 {x}, q3 {x}; q0 -> 1, 2, 3: hits at 2 and 3,
    // P(2) = 1/2, P(3) = 2/3 -> M@3(q0, x) = (1/2 + 2/3) / 3 = 7/18.
    TagLabels labels = new TagLabels(new boolean[][] {{true, false}, {false, true}, {true, false}, {true, false}}, 2);
    Neighbours ranks = new Neighbours(new int[][] {{1, 2, 3}, {0, 2, 3}, {0, 1, 3}, {0, 1, 2}}, new float[4][3]);
    MapAtK m3 = MapAtK.of(ranks, labels, 3);
    assertThat(m3.queryTags()[0]).containsExactly(0);
    assertThat(m3.perQueryTag()[0][0]).isCloseTo(7.0 / 18, within(EPS));
  }

  @Test
  void mapSkipsTagsLeftWithoutQueryInAResample() {
    // Only q3 (tag z, value 1 at K = 1) drawn: tags x and y have no query, M@1 = 1.
    assertThat(MapAtK.of(RANKS, LABELS, 1).value(new int[] {0, 0, 0, 3})).isCloseTo(1, within(EPS));
  }

  @Test
  void untaggedTracksAreNeitherQueriesNorResults() {
    // a's nearest track is the untagged b; with b removed its nearest is d, which shares x.
    EvaluationSet set = EvaluationSet.of(List.of(
        track("a", List.of("x"), unit(1, 0), "x", 0.5, "y", 0.5),
        track("b", List.of(), unit(0.99, 0.14), "x", 0.5, "y", 0.5),
        track("c", List.of("y"), unit(0, 1), "x", 0.5, "y", 0.5),
        track("d", List.of("x"), unit(0.8, 0.6), "x", 0.5, "y", 0.5)));
    RetrievalResult result = new RetrievalMetrics(new ExactRetrieval(new BlockedScalarKernel(), 1)).evaluate(set);
    assertThat(result.queries()).isEqualTo(3);
    assertThat(result.queryTracks()).containsExactly(0, 2, 3);
    // Positions: a = 0, c = 1, d = 2. a -> d (0.8), c (0); c -> d (0.6), a (0); d -> a (0.8), c (0.6).
    assertThat(result.neighbours().indices()).isDeepEqualTo(new int[][] {{2, 1}, {2, 0}, {0, 1}});
    // R@1: a -> d has x: 1; c -> d lacks y: 0; d -> a has x: 1 -> 2/3.
    // R@8 (only 2 results each): a and d find x; c's results (d, a) carry only x -> still 0 -> 2/3.
    Map<String, Double> values = result.percentages();
    assertThat(values.keySet()).containsExactly("R@1", "R@2", "R@4", "R@8", "M@1", "M@4", "M@7", "M@10");
    assertThat(values.get("R@1")).isCloseTo(200.0 / 3, within(1e-9));
    assertThat(values.get("R@8")).isCloseTo(200.0 / 3, within(1e-9));
    // M@1: tag x: a (hit), d (hit) -> 1; tag y: c (miss) -> 0; mean 1/2.
    assertThat(values.get("M@1")).isCloseTo(50, within(1e-9));
    // M@4: x: a hit at 1 -> 1/4, d hit at 1 -> 1/4; y: c no hit -> 0; mean 1/8.
    assertThat(values.get("M@4")).isCloseTo(12.5, within(1e-9));
  }

  @Test
  void tiedSimilaritiesRankTheLowerIndexFirstAndTheQueryIsExcludedByIdentity() {
    // Three identical embeddings: each query's results are the two others, lower index first.
    EvaluationSet set = EvaluationSet.of(List.of(
        track("a", List.of("x"), unit(1, 0), "x", 0.5),
        track("b", List.of("x"), unit(1, 0), "x", 0.5),
        track("c", List.of("x"), unit(1, 0), "x", 0.5)));
    RetrievalResult result = new RetrievalMetrics(new ExactRetrieval(new BlockedScalarKernel(), 1)).evaluate(set);
    assertThat(result.neighbours().indices()).isDeepEqualTo(new int[][] {{1, 2}, {0, 2}, {0, 1}});
  }

  @Test
  void aSingleQueryHasNoResults() {
    EvaluationSet set = EvaluationSet.of(List.of(
        track("a", List.of("x"), unit(1, 0), "x", 0.5),
        track("b", List.of(), unit(0, 1), "x", 0.5)));
    RetrievalResult result = new RetrievalMetrics(ExactRetrieval.withDefaults()).evaluate(set);
    assertThat(result.queries()).isEqualTo(1);
    assertThat(result.percentages().get("R@8")).isZero();
    assertThat(result.percentages().get("M@10")).isZero();
  }

  @Test
  void noTaggedTrackIsAnError() {
    EvaluationSet set = EvaluationSet.of(List.of(track("a", List.of(), unit(1, 0), "x", 0.5)));
    assertThatThrownBy(() -> new RetrievalMetrics(ExactRetrieval.withDefaults()).evaluate(set))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("no evaluated track has a tag");
  }

  @Test
  void permutingTheTracksChangesNoMetric() {
    List<EmbeddedTrack> tracks = Fixtures.random(300, 24, 6, 5);
    MetricsEvaluator evaluator = MetricsEvaluator.withDefaults();
    Map<String, Double> before = evaluator.evaluate(EvaluationSet.of(tracks)).table();
    List<EmbeddedTrack> shuffled = new ArrayList<>(tracks);
    Collections.shuffle(shuffled, new Random(9));
    Map<String, Double> after = evaluator.evaluate(EvaluationSet.of(shuffled)).table();
    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    before.forEach((name, value) -> assertThat(after.get(name)).as(name).isCloseTo(value, within(1e-9)));
  }

  @Test
  void scalingAllScoresChangesNoAuc() {
    List<EmbeddedTrack> tracks = Fixtures.random(200, 8, 5, 6);
    List<EmbeddedTrack> scaled = new ArrayList<>();
    for (EmbeddedTrack t : tracks) {
      Map<String, Double> scores = new java.util.HashMap<>();
      t.scores().forEach((tag, s) -> scores.put(tag, s * 4.0));
      scaled.add(new EmbeddedTrack(t.id(), t.tags(), t.embedding(), scores));
    }
    MacroAuc a = MacroAuc.of(EvaluationSet.of(tracks));
    MacroAuc b = MacroAuc.of(EvaluationSet.of(scaled));
    assertThat(b.rocAuc()).isEqualTo(a.rocAuc());
    assertThat(b.prAuc()).isEqualTo(a.prAuc());
    assertThat(b.perTag()).isEqualTo(a.perTag());
  }
}
