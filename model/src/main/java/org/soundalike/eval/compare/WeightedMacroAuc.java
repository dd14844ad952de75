package org.soundalike.eval.compare;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.soundalike.eval.EvaluationSet;

/**
 * ROC-AUC and PR-AUC (average precision), macro over tags, with a multiplicity per track: what
 * {@link org.soundalike.eval.MacroAuc} computes on a data set in which track i appears w[i] times,
 * without building it, so that the bootstrap can resample tracks. Ties count as in MacroAuc (a
 * positive tied with a negative counts one half for ROC; a tied group enters average precision
 * at once). A tag without a positive or a negative among the drawn tracks is left out of the mean.
 */
final class WeightedMacroAuc {

  private final boolean[][] positive;
  /** Per tag, the tracks ordered by descending score, and where each group of equal scores ends. */
  private final int[][] order;
  private final boolean[][] groupEnds;

  WeightedMacroAuc(EvaluationSet set) {
    int tags = set.tags().size();
    int n = set.size();
    positive = new boolean[tags][n];
    order = new int[tags][];
    groupEnds = new boolean[tags][n];
    for (int t = 0; t < tags; t++) {
      int tag = t;
      double[] scores = new double[n];
      for (int i = 0; i < n; i++) {
        scores[i] = set.scores()[i][t] == 0 ? 0.0 : set.scores()[i][t];
        positive[t][i] = set.labels()[i][t];
      }
      order[t] = IntStream.range(0, n).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> -scores[i])).mapToInt(Integer::intValue).toArray();
      for (int k = 0; k < n; k++) {
        groupEnds[tag][k] = k == n - 1 || scores[order[t][k]] != scores[order[t][k + 1]];
      }
    }
  }

  /** Macro ROC-AUC over the tags with both classes among the weighted tracks; NaN if none. */
  double rocAuc(int[] weights) {
    return macro(weights, true);
  }

  double prAuc(int[] weights) {
    return macro(weights, false);
  }

  private double macro(int[] weights, boolean roc) {
    double sum = 0;
    int counted = 0;
    for (int t = 0; t < order.length; t++) {
      double value = roc ? roc(t, weights) : averagePrecision(t, weights);
      if (!Double.isNaN(value)) {
        sum += value;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  /** Walks the scores downwards: a group's positives beat the negatives below it and tie with its own. */
  private double roc(int t, int[] w) {
    double positives = 0;
    double negatives = 0;
    for (int i = 0; i < w.length; i++) {
      if (positive[t][i]) {
        positives += w[i];
      } else {
        negatives += w[i];
      }
    }
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double negativesBelow = negatives;
    double pairs = 0;
    double groupPositives = 0;
    double groupNegatives = 0;
    for (int k = 0; k < order[t].length; k++) {
      int i = order[t][k];
      if (positive[t][i]) {
        groupPositives += w[i];
      } else {
        groupNegatives += w[i];
      }
      if (groupEnds[t][k]) {
        negativesBelow -= groupNegatives;
        pairs += groupPositives * (negativesBelow + 0.5 * groupNegatives);
        groupPositives = 0;
        groupNegatives = 0;
      }
    }
    return pairs / (positives * negatives);
  }

  private double averagePrecision(int t, int[] w) {
    double positives = 0;
    double all = 0;
    for (int i = 0; i < w.length; i++) {
      positives += positive[t][i] ? w[i] : 0;
      all += w[i];
    }
    if (positives == 0 || positives == all) {
      return Double.NaN;
    }
    double truePositives = 0;
    double seen = 0;
    double groupPositives = 0;
    double groupAll = 0;
    double ap = 0;
    for (int k = 0; k < order[t].length; k++) {
      int i = order[t][k];
      groupPositives += positive[t][i] ? w[i] : 0;
      groupAll += w[i];
      if (groupEnds[t][k]) {
        truePositives += groupPositives;
        seen += groupAll;
        if (groupPositives > 0) {
          ap += groupPositives / positives * (truePositives / seen);
        }
        groupPositives = 0;
        groupAll = 0;
      }
    }
    return ap;
  }
}
