package org.soundalike.eval.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code soundalike bench identity} writes: the settings, one row of metrics per ranking and
 * every query with its true offset.
 */
public record IdentityReport(
    String run, String catalog, String split, double clipSeconds, long seed, int catalogTracks,
    String clipFormat, List<Row> rankings, List<IdentityQuery> queries) {

  /** One ranking's figures over all queries. */
  public record Row(String ranking, int queries, double hitAt1, double hitAt5, double hitAt10, double mrr,
      double sameCollectionPrecisionAt5) {}

  /** Hit@k (source within the first k), MRR (mean of 1/rank) and same-collection precision@5 per ranking. */
  public static List<Row> rows(List<String> rankings, List<IdentityQuery> queries) {
    List<Row> rows = new ArrayList<>();
    for (String name : rankings) {
      List<IdentityQuery.Result> results = queries.stream().map(q -> q.results().get(name)).toList();
      int n = results.size();
      rows.add(new Row(name, n, hits(results, 1), hits(results, 5), hits(results, 10),
          n == 0 ? 0 : results.stream().mapToDouble(r -> 1.0 / r.rank()).sum() / n,
          n == 0 ? 0 : results.stream().mapToDouble(IdentityQuery.Result::sameCollectionAt5).sum() / n));
    }
    return rows;
  }

  private static double hits(List<IdentityQuery.Result> results, int k) {
    return results.isEmpty() ? 0 : results.stream().filter(r -> r.rank() <= k).count() / (double) results.size();
  }

  /** The figures as a Markdown table. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append("| ranking | queries | hit@1 | hit@5 | hit@10 | MRR | same-collection P@5 |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (Row r : rankings) {
      out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n", r.ranking(), r.queries(),
          r.hitAt1(), r.hitAt5(), r.hitAt10(), r.mrr(), r.sameCollectionPrecisionAt5()));
    }
    return out.toString();
  }
}
