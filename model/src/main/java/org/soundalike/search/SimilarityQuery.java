package org.soundalike.search;

import java.util.List;

/**
 * The options of a similarity search: {@code k} results; {@code numCandidates} = the HNSW
 * candidates examined (more → better recall, slower; measured in docs/benchmarks/search.md);
 * tags every hit must have / must not have (looked up in {@code tagSource}); {@code minScore} =
 * the lowest cosine similarity (dot product of unit embeddings) a hit may have, or null;
 * {@code rescoreOversample} overrides the index's rescoring for quantised indices (null = the
 * index's setting, 0 = none).
 */
public record SimilarityQuery(int k, int numCandidates, List<String> mustHaveTags, List<String> mustNotHaveTags,
    TagSource tagSource, Double minScore, Float rescoreOversample) {

  public static final int DEFAULT_K = 10;
  /** The benchmark's choice: recall@10 0.999 with the default index at 100k tracks, ES took p99 3 ms. */
  public static final int DEFAULT_NUM_CANDIDATES = 100;

  public SimilarityQuery {
    if (k < 1 || k > 10_000) {
      throw new IllegalArgumentException("k must be in 1..10000, got " + k);
    }
    if (numCandidates < 1 || numCandidates > 10_000) {
      throw new IllegalArgumentException("num_candidates must be in 1..10000, got " + numCandidates);
    }
    if (minScore != null && !(minScore >= -1 && minScore <= 1)) {
      throw new IllegalArgumentException("min score is a cosine similarity in [-1, 1], got " + minScore);
    }
    mustHaveTags = List.copyOf(mustHaveTags);
    mustNotHaveTags = List.copyOf(mustNotHaveTags);
  }

  public static SimilarityQuery top(int k) {
    return new SimilarityQuery(k, Math.max(DEFAULT_NUM_CANDIDATES, k), List.of(), List.of(), TagSource.ANY, null, null);
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
