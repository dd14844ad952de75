package org.soundalike.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * ROC-AUC and PR-AUC per tag over every evaluated track (tracks without tags included, as the
 * reference code does), and their unweighted means over tags (macro). A tag with no positive or
 * no negative has neither area: it is left out of both means and listed in {@link #excludedTags()}
 * (scikit-learn would raise for ROC-AUC and warn for AP instead). Values are fractions in [0, 1].
 */
public record MacroAuc(List<TagAuc> perTag, List<String> excludedTags, double rocAuc, double prAuc) {

  /** The areas of one tag. */
  public record TagAuc(String tag, int positives, double rocAuc, double averagePrecision) {}

  public MacroAuc {
    perTag = List.copyOf(perTag);
    excludedTags = List.copyOf(excludedTags);
  }

  /** The means are NaN when every tag is excluded. */
  public static MacroAuc of(EvaluationSet set) {
    List<TagAuc> perTag = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    int n = set.size();
    double[] scores = new double[n];
    boolean[] positive = new boolean[n];
    double rocSum = 0;
    double apSum = 0;
    for (int t = 0; t < set.tags().size(); t++) {
      for (int i = 0; i < n; i++) {
        scores[i] = set.scores()[i][t];
        positive[i] = set.labels()[i][t];
      }
      ThresholdCurve curve = ThresholdCurve.of(scores, positive);
      OptionalDouble roc = RocAuc.of(curve);
      OptionalDouble ap = AveragePrecision.of(curve);
      if (roc.isEmpty() || ap.isEmpty()) {
        excluded.add(set.tags().get(t));
        continue;
      }
      perTag.add(new TagAuc(set.tags().get(t), curve.positives(), roc.getAsDouble(), ap.getAsDouble()));
      rocSum += roc.getAsDouble();
      apSum += ap.getAsDouble();
    }
    double count = perTag.size();
    return new MacroAuc(perTag, excluded, count == 0 ? Double.NaN : rocSum / count, count == 0 ? Double.NaN : apSum / count);
  }
}
