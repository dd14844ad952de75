package org.soundalike.search;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The options of a similarity search: {@code k} results; {@code numCandidates} = the HNSW
 * candidates examined (more → better recall, slower; measured in docs/benchmarks/search.md), or
 * {@link #AUTO} for the measured default of the query's shape ({@link #effectiveNumCandidates});
 * tags every hit must have / must not have (looked up in {@code tagSource}); {@code minScore} =
 * the lowest cosine similarity (dot product of unit embeddings) a hit may have, or null;
 * {@code rescoreOversample} overrides the index's rescoring for quantised indices (null = the
 * index's setting, 0 = none).
 */
public record SimilarityQuery(int k, int numCandidates, List<String> mustHaveTags, List<String> mustNotHaveTags,
    TagSource tagSource, Double minScore, Float rescoreOversample) {

  public static final int DEFAULT_K = 10;
  /** {@code numCandidates} chosen per query from its shape and the index's size ({@link #effectiveNumCandidates}). */
  public static final int AUTO = 0;
  /**
   * Without a must-have tag, up to {@link #LARGE_INDEX_TRACKS}: the benchmark's choice
   * (docs/benchmarks/search.md), recall@10 0.999 with the default index at 100k tracks, ES took
   * p99 3 ms.
   */
  public static final int DEFAULT_NUM_CANDIDATES = 100;
  /** From this many indexed tracks on, unfiltered queries examine {@link #LARGE_INDEX_NUM_CANDIDATES}. */
  public static final long LARGE_INDEX_TRACKS = 250_000;
  /**
   * At 1M tracks 100 candidates reached recall@10 0.963, 200 reached 0.977 at ES took p99 6 ms
   * (docs/benchmarks/search.md): the graph walk must examine more of a larger neighbourhood.
   */
  public static final int LARGE_INDEX_NUM_CANDIDATES = 200;
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

  /**
   * The num_candidates sent to Elasticsearch, at least k: the given value, or the default of the
   * query's shape and, without a must-have tag, of the index's size ({@code indexedTracks} is
   * asked only then).
   */
  public int effectiveNumCandidates(LongSupplier indexedTracks) {
    int chosen;
    if (numCandidates != AUTO) {
      chosen = numCandidates;
    } else if (!mustHaveTags.isEmpty()) {
      chosen = DEFAULT_FILTERED_NUM_CANDIDATES;
    } else {
      chosen = indexedTracks.getAsLong() >= LARGE_INDEX_TRACKS ? LARGE_INDEX_NUM_CANDIDATES : DEFAULT_NUM_CANDIDATES;
    }
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
