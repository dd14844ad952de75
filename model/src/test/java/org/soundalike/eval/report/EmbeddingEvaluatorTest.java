package org.soundalike.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.eval.EvaluationResult;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.eval.MetricsEvaluator;
import org.soundalike.run.RunProvenance;

/** An evaluation set and a run's provenance become one results.json record. */
class EmbeddingEvaluatorTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T11:30:00Z"), ZoneOffset.UTC);
  private final EmbeddingEvaluator evaluator = new EmbeddingEvaluator(MetricsEvaluator.withDefaults(),
      new EmbeddingEvaluator.TsneSettings(10, 400, 1, 0), clock);

  @Test
  void carriesTheMetricsProvenanceIntervalsPerTagAndMap() {
    List<EmbeddedTrack> tracks = ReportFixtures.clustered(3, 20, 8, 0.15, 7);
    EvaluationSet set = EvaluationSet.of(tracks);
    RunProvenance run = ReportFixtures.run("run-7", "demo", "G", 0.1, 7);
    RunResult result = evaluator.evaluate(set, run);
    EvaluationResult expected = MetricsEvaluator.withDefaults().evaluate(set);

    assertThat(result.run()).isEqualTo(run);
    assertThat(result.evaluatedAt()).isEqualTo("2026-11-26T11:30:00Z");
    assertThat(result.tracks()).isEqualTo(60);
    assertThat(result.queries()).isEqualTo(60);
    assertThat(result.metrics()).containsExactlyEntriesOf(expected.table());
    assertThat(result.intervals()).containsOnlyKeys(RunResult.COLUMNS.subList(0, 8));
    result.intervals().forEach((name, interval) -> {
      assertThat(interval.lower()).isLessThanOrEqualTo(result.metric(name));
      assertThat(interval.upper()).isGreaterThanOrEqualTo(result.metric(name));
    });
    assertThat(result.perTag()).containsOnlyKeys("common", "tag0", "tag1", "tag2");
    assertThat(result.perTag().get("tag0").positives()).isEqualTo(20);
    assertThat(result.perTag().get("tag0").rocAuc()).isEqualTo(100 * expected.auc().perTag().get(1).rocAuc());
    assertThat(result.excludedTags()).isEmpty();
    assertThat(result.tsne()).extracting(RunResult.TsnePoint::id).containsExactlyElementsOf(set.ids());
    assertThat(result.tsne().get(0).tags()).containsExactly("common", "tag0");
  }

  @Test
  void theMapKeepsTheClustersApartAndIsReproducible() {
    EvaluationSet set = EvaluationSet.of(ReportFixtures.clustered(3, 20, 8, 0.15, 3));
    RunProvenance run = ReportFixtures.run("run-3", "demo", "A", 1.0, 3);
    List<RunResult.TsnePoint> points = evaluator.evaluate(set, run).tsne();
    assertThat(evaluator.evaluate(set, run).tsne()).isEqualTo(points);
    // Each point's nearest other point on the map belongs to its own cluster.
    Map<String, String> cluster = new HashMap<>();
    points.forEach(p -> cluster.put(p.id(), p.id().substring(0, 2)));
    int sameCluster = 0;
    for (RunResult.TsnePoint p : points) {
      RunResult.TsnePoint nearest = null;
      double best = Double.POSITIVE_INFINITY;
      for (RunResult.TsnePoint q : points) {
        double d = Math.hypot(p.x() - q.x(), p.y() - q.y());
        if (q != p && d < best) {
          best = d;
          nearest = q;
        }
      }
      sameCluster += cluster.get(p.id()).equals(cluster.get(nearest.id())) ? 1 : 0;
    }
    assertThat(sameCluster).isEqualTo(points.size());
  }

  @Test
  void aTagWithoutPositivesIsListedAsExcluded() {
    List<EmbeddedTrack> tracks = new java.util.ArrayList<>(ReportFixtures.clustered(2, 10, 4, 0.1, 5));
    tracks.replaceAll(t -> {
      Map<String, Double> scores = new HashMap<>(t.scores());
      scores.put("silence", 0.5);
      return new EmbeddedTrack(t.id(), t.tags(), t.embedding(), scores);
    });
    RunResult result = evaluator.evaluate(EvaluationSet.of(tracks), ReportFixtures.run("r", "demo", "A", 1.0, 1));
    assertThat(result.excludedTags()).containsExactly("silence");
    assertThat(result.perTag()).doesNotContainKey("silence");
  }

  @Test
  void evaluatesTinySetsWithDefaultSettings() {
    for (int n = 2; n <= 5; n++) {
      List<EmbeddedTrack> tracks = ReportFixtures.clustered(1, n, 4, 0.3, n);
      RunResult result = EmbeddingEvaluator.withDefaults().evaluate(EvaluationSet.of(tracks), ReportFixtures.run("r" + n, "demo", "A", 1.0, 1));
      assertThat(result.tsne()).hasSize(n);
      assertThat(result.tsne()).allSatisfy(p -> assertThat(Double.isFinite(p.x()) && Double.isFinite(p.y())).isTrue());
    }
  }
}
