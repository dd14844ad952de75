package org.soundalike.eval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.eval.QueryBootstrap;
import org.soundalike.run.RunProvenance;

/**
 * One evaluated run: the content of results.json (docs/formats.md). Metrics are × 100 in the
 * paper's column order ({@link #COLUMNS}); a metric that is undefined (the AUCs when every tag is
 * excluded) is null. {@code intervals} are the bootstrap 95 % intervals over queries of the
 * retrieval metrics.
 *
 * @param evaluatedAt ISO-8601 instant of the evaluation (not in the original format: it decides
 *     which evaluation counts when one run was evaluated twice); may be null in older files
 */
@JsonPropertyOrder({"run", "evaluatedAt", "tracks", "queries", "metrics", "intervals", "perTag", "excludedTags", "tsne"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunResult(
    @JsonProperty(required = true) RunProvenance run,
    String evaluatedAt,
    @JsonProperty(required = true) int tracks,
    @JsonProperty(required = true) int queries,
    @JsonProperty(required = true) Map<String, Double> metrics,
    Map<String, QueryBootstrap.Interval> intervals,
    Map<String, TagScores> perTag,
    List<String> excludedTags,
    List<TsnePoint> tsne) {

  /** The paper's ten columns, in its order. */
  public static final List<String> COLUMNS =
      List.of("R@1", "R@2", "R@4", "R@8", "M@1", "M@4", "M@7", "M@10", "ROC-AUC", "PR-AUC");

  /** ROC-AUC and average precision of one tag, × 100, and how many evaluated tracks carry it. */
  @JsonPropertyOrder({"ROC-AUC", "PR-AUC", "positives"})
  public record TagScores(
      @JsonProperty("ROC-AUC") double rocAuc, @JsonProperty("PR-AUC") double prAuc, int positives) {}

  /** A test track on the similarity map, with its human tags (for colouring). */
  @JsonPropertyOrder({"id", "x", "y", "tags"})
  public record TsnePoint(String id, double x, double y, List<String> tags) {

    public TsnePoint {
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  public RunResult {
    if (run == null) {
      throw new IllegalArgumentException("'run' (the provenance) is missing");
    }
    if (metrics == null || !metrics.keySet().containsAll(COLUMNS)) {
      throw new IllegalArgumentException("'metrics' must have every column of " + COLUMNS);
    }
    Map<String, Double> defined = new LinkedHashMap<>();
    // NaN is not JSON: an undefined metric is null.
    metrics.forEach((name, value) -> defined.put(name, value == null || value.isNaN() ? null : value));
    metrics = ordered(defined);
    intervals = ordered(intervals == null ? Map.of() : intervals);
    perTag = ordered(perTag == null ? Map.of() : perTag);
    excludedTags = excludedTags == null ? List.of() : List.copyOf(excludedTags);
    tsne = tsne == null ? List.of() : List.copyOf(tsne);
  }

  /** The value of one of the {@link #COLUMNS}, null when undefined. */
  public Double metric(String column) {
    return metrics.get(column);
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    // Map.copyOf would lose the order; null values (undefined metrics) must survive.
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
