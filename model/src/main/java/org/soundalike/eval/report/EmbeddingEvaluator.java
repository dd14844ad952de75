package org.soundalike.eval.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.soundalike.eval.EvaluationResult;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.eval.MacroAuc;
import org.soundalike.eval.MetricsEvaluator;
import org.soundalike.eval.QueryBootstrap;
import org.soundalike.eval.Tsne;
import org.soundalike.run.RunProvenance;

/**
 * Turns the evaluated test tracks of one run and its provenance into a {@link RunResult}: the
 * paper's metrics ({@link MetricsEvaluator}), bootstrap 95 % intervals over queries seeded by the
 * run's seed ({@link QueryBootstrap#standard(long)}), per-tag AUCs, the excluded tags, and the
 * t-SNE of every evaluated track's embedding (seeded by the run's seed, so re-evaluating a run
 * draws the same map).
 */
public final class EmbeddingEvaluator {

  private final MetricsEvaluator metrics;
  private final TsneSettings tsne;
  private final Clock clock;

  /** t-SNE settings other than the seed, which is always the run's. */
  public record TsneSettings(double perplexity, int iterations, int threads, double theta) {

    /** scikit-learn's defaults (perplexity 30, 1,000 iterations, θ = 0.5), every core. */
    public static TsneSettings defaults() {
      Tsne.Config config = Tsne.Config.defaults(0);
      return new TsneSettings(config.perplexity(), config.iterations(), config.threads(), config.theta());
    }

    Tsne.Config withSeed(long seed) {
      return new Tsne.Config(perplexity, iterations, seed, threads, theta);
    }
  }

  public EmbeddingEvaluator(MetricsEvaluator metrics, TsneSettings tsne, Clock clock) {
    this.metrics = metrics;
    this.tsne = tsne;
    this.clock = clock;
  }

  public static EmbeddingEvaluator withDefaults() {
    return new EmbeddingEvaluator(MetricsEvaluator.withDefaults(), TsneSettings.defaults(), Clock.systemUTC());
  }

  public RunResult evaluate(EvaluationSet set, RunProvenance run) {
    return evaluate(set, run, done -> {});
  }

  /** {@code queriesDone} hears retrieval progress (queries ranked so far), for a progress line. */
  public RunResult evaluate(EvaluationSet set, RunProvenance run, LongConsumer queriesDone) {
    EvaluationResult result = metrics.evaluate(set, queriesDone);
    Map<String, QueryBootstrap.Interval> intervals =
        result.retrieval().intervalsPercent(QueryBootstrap.standard(run.seed()));
    return new RunResult(run, clock.instant().toString(), result.tracks(), result.retrieval().queries(),
        result.table(), intervals, perTag(result.auc()), result.auc().excludedTags(), tsne(set, run.seed()));
  }

  private static Map<String, RunResult.TagScores> perTag(MacroAuc auc) {
    Map<String, RunResult.TagScores> perTag = new LinkedHashMap<>();
    for (MacroAuc.TagAuc tag : auc.perTag()) {
      perTag.put(tag.tag(), new RunResult.TagScores(100 * tag.rocAuc(), 100 * tag.averagePrecision(), tag.positives()));
    }
    return perTag;
  }

  private List<RunResult.TsnePoint> tsne(EvaluationSet set, long seed) {
    double[][] xy = new Tsne(tsne.withSeed(seed)).embed(set.embeddings()).coordinates();
    List<RunResult.TsnePoint> points = new ArrayList<>(set.size());
    for (int i = 0; i < set.size(); i++) {
      List<String> tags = new ArrayList<>();
      for (int t = 0; t < set.tags().size(); t++) {
        if (set.labels()[i][t]) {
          tags.add(set.tags().get(t));
        }
      }
      points.add(new RunResult.TsnePoint(set.ids().get(i), xy[i][0], xy[i][1], tags));
    }
    return points;
  }
}
