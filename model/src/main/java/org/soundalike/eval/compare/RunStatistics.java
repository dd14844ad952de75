package org.soundalike.eval.compare;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.soundalike.eval.EvaluationResult;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.eval.MetricsEvaluator;
import org.soundalike.eval.RetrievalResult;

/**
 * One evaluated run as the bootstrap needs it: the paper's ten metrics (× 100) as functions of the
 * queries' multiplicities. For the AUCs a query's multiplicity is its track's (tracks without a
 * tag are no query and keep multiplicity 1). With every multiplicity 1 the values are exactly
 * {@link EvaluationResult#table()}.
 *
 * @param ids the evaluated tracks, in order: runs are compared only on identical lists
 * @param queries how many queries the retrieval metrics average over
 */
public record RunStatistics(List<String> ids, int queries, Map<String, ToDoubleFunction<int[]>> metrics) {

  public static RunStatistics of(EvaluationSet set) {
    EvaluationResult result = MetricsEvaluator.withDefaults().evaluate(set);
    RetrievalResult retrieval = result.retrieval();
    Map<String, ToDoubleFunction<int[]>> metrics = new LinkedHashMap<>();
    retrieval.recalls().forEach(r -> metrics.put(r.name(), w -> 100 * r.value(w)));
    retrieval.maps().forEach(m -> metrics.put(m.name(), w -> 100 * m.value(w)));
    WeightedMacroAuc auc = new WeightedMacroAuc(set);
    int[] queryTracks = retrieval.queryTracks();
    int tracks = set.size();
    metrics.put("ROC-AUC", w -> 100 * auc.rocAuc(trackWeights(w, queryTracks, tracks)));
    metrics.put("PR-AUC", w -> 100 * auc.prAuc(trackWeights(w, queryTracks, tracks)));
    return new RunStatistics(set.ids(), retrieval.queries(), metrics);
  }

  private static int[] trackWeights(int[] queryWeights, int[] queryTracks, int tracks) {
    int[] weights = new int[tracks];
    Arrays.fill(weights, 1);
    for (int q = 0; q < queryTracks.length; q++) {
      weights[queryTracks[q]] = queryWeights[q];
    }
    return weights;
  }
}
