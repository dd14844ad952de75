package org.soundalike.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.dataset.TrackSegment;

/**
 * How a search by segments ranks tracks. Each of the query's segments is matched against every
 * indexed segment; a track's score is the mean, over the query's segments, of its best segment's
 * cosine similarity to that query segment (measured against the single best segment, docs/benchmarks/segments.md).
 * A track missing from one query segment's top list is given that list's lowest similarity there
 * (an upper bound of its own). {@code at} is where the query starts in the track according to the
 * single best (query segment, track segment) pair: the track segment's start minus the query
 * segment's start, never below 0.
 */
final class SegmentRanking {

  /** Query segments searched at most: a whole uploaded track is thinned out evenly to this many. */
  static final int MAX_QUERY_SEGMENTS = 16;

  /** Tracks each query segment's kNN returns: a few more than asked, so the combined top k is rarely cut short. */
  static int perSegmentK(int k) {
    return Math.max(2 * k, 20);
  }

  /** The query's segments, evenly thinned out to {@link #MAX_QUERY_SEGMENTS}. */
  static List<TrackSegment> querySegments(List<TrackSegment> all) {
    if (all.size() <= MAX_QUERY_SEGMENTS) {
      return all;
    }
    List<TrackSegment> chosen = new ArrayList<>();
    for (int i = 0; i < MAX_QUERY_SEGMENTS; i++) {
      chosen.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (MAX_QUERY_SEGMENTS - 1))));
    }
    return chosen;
  }

  private final List<TrackSegment> query;
  private final double[] lowest;
  private final Map<String, Candidate> candidates = new LinkedHashMap<>();

  SegmentRanking(List<TrackSegment> query) {
    this.query = query;
    this.lowest = new double[query.size()];
    Arrays.fill(lowest, Double.NaN);
  }

  private static final class Candidate {
    final SimilarHit hit;
    final double[] best;
    double bestSimilarity = Double.NEGATIVE_INFINITY;
    double at;

    Candidate(SimilarHit hit, int querySegments) {
      this.hit = hit;
      this.best = new double[querySegments];
      Arrays.fill(best, Double.NaN);
    }
  }

  /**
   * One hit of query segment {@code segment}'s kNN: the track, the similarity of its best segment
   * and that segment's start in the track.
   */
  void add(int segment, SimilarHit hit, double similarity, double segmentAt) {
    Candidate c = candidates.computeIfAbsent(hit.id(), id -> new Candidate(hit, query.size()));
    c.best[segment] = Double.isNaN(c.best[segment]) ? similarity : Math.max(c.best[segment], similarity);
    lowest[segment] = Double.isNaN(lowest[segment]) ? similarity : Math.min(lowest[segment], similarity);
    if (similarity > c.bestSimilarity) {
      c.bestSimilarity = similarity;
      c.at = Math.max(0, segmentAt - query.get(segment).at());
    }
  }

  /** The best {@code k} tracks, highest combined score first (ties by id). */
  List<SimilarHit> top(int k) {
    List<SimilarHit> ranked = new ArrayList<>();
    for (Candidate c : candidates.values()) {
      double sum = 0;
      int counted = 0;
      for (int i = 0; i < query.size(); i++) {
        double value = Double.isNaN(c.best[i]) ? lowest[i] : c.best[i];
        if (!Double.isNaN(value)) {
          sum += value;
          counted++;
        }
      }
      ranked.add(c.hit.withSegmentMatch(sum / counted, c.at, c.bestSimilarity));
    }
    ranked.sort(Comparator.comparingDouble(SimilarHit::score).reversed().thenComparing(SimilarHit::id));
    return ranked.subList(0, Math.min(k, ranked.size()));
  }
}
