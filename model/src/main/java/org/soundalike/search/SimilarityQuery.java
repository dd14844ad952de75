package org.soundalike.search;

import java.util.List;

/**
 * The options of a similarity search: {@code k} results; {@code numCandidates} = the HNSW
 * candidates examined (more → better recall, slower; measured in docs/benchmarks/search.md), or
 * {@link #AUTO} for the measured default of the query's shape ({@link #effectiveNumCandidates()});
 * tags every hit must have / must not have (looked up in {@code tagSource}); {@code minScore} =
 * the lowest cosine similarity (dot product of unit embeddings) a hit may have, or null;
 * {@code rescoreOversample} overrides the index's rescoring for quantised indices (null = the
 * index's setting, 0 = none).
 */
public record SimilarityQuery(int k, int numCandidates, List<String> mustHaveTags, List<String> mustNotHaveTags,
    TagSource tagSource, Double minScore, Float rescoreOversample) {

  public static final int DEFAULT_K = 10;
  /** {@code numCandidates} chosen per query: {@link #DEFAULT_NUM_CANDIDATES} or {@link #DEFAULT_FILTERED_NUM_CANDIDATES}. */
  public static final int AUTO = 0;
  /**
   * Without a must-have tag: the benchmark's choice (docs/benchmarks/search.md), recall@10 0.999
   * with the default index at 100k tracks and ES took p99 2 ms.
   */
  public static final int DEFAULT_NUM_CANDIDATES = 100;
  /**
   * With a must-have tag. Lucene's filtered HNSW walk must collect this many matching tracks
   * (× the rescore oversample) and gives up after visiting as many nodes as the filter matches;
   * for a tag on ~10 % of the tracks, 100 candidates exhaust that budget and Lucene then scores
   * every matching track exactly, after the wasted walk. Fewer candidates let the walk finish:
   * at 100k tracks with a 10 % tag (docs/benchmarks/search.md) 10 candidates (×3 rescored) gave
   * recall@10 0.991 at ES took p50/p99 2/6 ms, where 100 gave 0.9999 at 6/9 ms.
   */
  public static final int DEFAULT_FILTERED_NUM_CANDIDATES = 10;

  public SimilarityQuery {
    if (k < 1 || k > 10_000) {
      throw new IllegalArgumentException("k must be in 1..10000, got " + k);
    }
    if (numCandidates != AUTO && (numCandidates < 1 || numCandidates > 10_000)) {
      throw new IllegalArgumentException("num_candidates must be in 1..10000, got " + numCandidates);
    }
    if (minScore != null && !(minScore >= -1 && minScore <= 1)) {
      throw new IllegalArgumentException("min score is a cosine similarity in [-1, 1], got " + minScore);
    }
    mustHaveTags = List.copyOf(mustHaveTags);
    mustNotHaveTags = List.copyOf(mustNotHaveTags);
  }

  public static SimilarityQuery top(int k) {
    return new SimilarityQuery(k, AUTO, List.of(), List.of(), TagSource.ANY, null, null);
  }

  /** The num_candidates sent to Elasticsearch: the given value or the default of the query's shape, and at least k. */
  public int effectiveNumCandidates() {
    int chosen = numCandidates != AUTO ? numCandidates
        : mustHaveTags.isEmpty() ? DEFAULT_NUM_CANDIDATES : DEFAULT_FILTERED_NUM_CANDIDATES;
    return Math.max(chosen, k);
  }

  public SimilarityQuery withNumCandidates(int n) {
    return new SimilarityQuery(k, n, mustHaveTags, mustNotHaveTags, tagSource, minScore, rescoreOversample);
  }

  public SimilarityQuery withTags(List<String> must, List<String> mustNot) {
    return new SimilarityQuery(k, numCandidates, must, mustNot, tagSource, minScore, rescoreOversample);
  }

  public SimilarityQuery withTagSource(TagSource source) {
    return new SimilarityQuery(k, numCandidates, mustHaveTags, mustNotHaveTags, source, minScore, rescoreOversample);
  }

  public SimilarityQuery withMinScore(Double min) {
    return new SimilarityQuery(k, numCandidates, mustHaveTags, mustNotHaveTags, tagSource, min, rescoreOversample);
  }

  public SimilarityQuery withRescoreOversample(Float oversample) {
    return new SimilarityQuery(k, numCandidates, mustHaveTags, mustNotHaveTags, tagSource, minScore, oversample);
  }
}
