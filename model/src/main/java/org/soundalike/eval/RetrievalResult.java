package org.soundalike.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * R@K and M@K with their per-query values, the ranked results, and which evaluated tracks were
 * the queries ({@code queryTracks[q]} is a row of the {@link EvaluationSet}; result indices in
 * {@code neighbours} are query positions q).
 */
public record RetrievalResult(int[] queryTracks, Neighbours neighbours, List<RecallAtK> recalls, List<MapAtK> maps) {

  public RetrievalResult {
    recalls = List.copyOf(recalls);
    maps = List.copyOf(maps);
  }

  public int queries() {
    return queryTracks.length;
  }

  /** "R@1" … "M@10" → value × 100, in the paper's column order. */
  public Map<String, Double> percentages() {
    Map<String, Double> values = new LinkedHashMap<>();
    recalls.forEach(r -> values.put(r.name(), 100 * r.value()));
    maps.forEach(m -> values.put(m.name(), 100 * m.value()));
    return values;
  }

  /** "R@1" … "M@10" → bootstrap interval over queries, × 100. */
  public Map<String, QueryBootstrap.Interval> intervalsPercent(QueryBootstrap bootstrap) {
    Map<String, ToDoubleFunction<int[]>> statistics = new LinkedHashMap<>();
    recalls.forEach(r -> statistics.put(r.name(), r::value));
    maps.forEach(m -> statistics.put(m.name(), m::value));
    Map<String, QueryBootstrap.Interval> intervals = new LinkedHashMap<>();
    bootstrap.intervals(queries(), statistics).forEach((name, interval) -> intervals.put(name, interval.scaled(100)));
    return intervals;
  }
}
