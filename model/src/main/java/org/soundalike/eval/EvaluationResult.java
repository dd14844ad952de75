package org.soundalike.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/** Everything the paper's table needs for one evaluated set, with the per-query and per-tag detail behind it. */
public record EvaluationResult(int tracks, RetrievalResult retrieval, MacroAuc auc) {

  /** The paper's ten columns, × 100: R@1, R@2, R@4, R@8, M@1, M@4, M@7, M@10, ROC-AUC, PR-AUC. */
  public Map<String, Double> table() {
    Map<String, Double> table = new LinkedHashMap<>(retrieval.percentages());
    table.put("ROC-AUC", 100 * auc.rocAuc());
    table.put("PR-AUC", 100 * auc.prAuc());
    return table;
  }
}
