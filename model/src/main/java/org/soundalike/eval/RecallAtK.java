package org.soundalike.eval;

/**
 * R@K, the paper's tag-union recall: for query i with tag set Y_i and U_K the union of the tag
 * sets of its top K results, {@code R@K(i) = |Y_i ∩ U_K| / |Y_i|}; R@K is the mean over queries.
 * Values are fractions in [0, 1] (reports multiply by 100). When fewer than K results exist (K
 * larger than the database), the union runs over all of them.
 */
public record RecallAtK(int k, double[] perQuery) {

  /** The paper's K values. */
  public static final int[] PAPER_KS = {1, 2, 4, 8};

  /** Every query must have at least one tag (queries without tags are not part of retrieval). */
  public static RecallAtK of(Neighbours neighbours, TagLabels labels, int k) {
    double[] perQuery = new double[neighbours.queries()];
    for (int i = 0; i < perQuery.length; i++) {
      int[] own = labels.tagsOf(i);
      if (own.length == 0) {
        throw new EvaluationException("retrieval query " + i + " has no tag: R@K is undefined for it");
      }
      int[] results = neighbours.indices()[i];
      int depth = Math.min(k, results.length);
      int found = 0;
      for (int t : own) {
        for (int r = 0; r < depth; r++) {
          if (labels.has()[results[r]][t]) {
            found++;
            break;
          }
        }
      }
      perQuery[i] = (double) found / own.length;
    }
    return new RecallAtK(k, perQuery);
  }

  public String name() {
    return "R@" + k;
  }

  /** The mean over queries. */
  public double value() {
    double sum = 0;
    for (double v : perQuery) {
      sum += v;
    }
    return sum / perQuery.length;
  }

  /** The mean over queries, query i counted {@code weights[i]} times (a bootstrap resample). */
  public double value(int[] weights) {
    double sum = 0;
    long count = 0;
    for (int i = 0; i < perQuery.length; i++) {
      sum += weights[i] * perQuery[i];
      count += weights[i];
    }
    return sum / count;
  }
}
