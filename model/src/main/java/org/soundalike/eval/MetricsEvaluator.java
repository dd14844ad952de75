package org.soundalike.eval;

import java.util.function.LongConsumer;

/** Computes the paper's metrics for an {@link EvaluationSet}: retrieval (exact) and the macro AUCs. */
public final class MetricsEvaluator {

  private final RetrievalMetrics retrieval;

  public MetricsEvaluator(ExactRetrieval retrieval) {
    this.retrieval = new RetrievalMetrics(retrieval);
  }

  /** The fastest kernel on every core. */
  public static MetricsEvaluator withDefaults() {
    return new MetricsEvaluator(ExactRetrieval.withDefaults());
  }

  public EvaluationResult evaluate(EvaluationSet set) {
    return evaluate(set, done -> {});
  }

  /** {@code queriesDone} hears retrieval progress (queries ranked so far), for a progress line. */
  public EvaluationResult evaluate(EvaluationSet set, LongConsumer queriesDone) {
    return new EvaluationResult(set.size(), retrieval.evaluate(set, queriesDone), MacroAuc.of(set));
  }
}
