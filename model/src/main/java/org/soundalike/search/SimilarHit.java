package org.soundalike.search;

import java.util.List;

/**
 * One result: the track, its cosine similarity to the query, its human tags, its top predicted
 * tags, and why it matches: the human tags it shares with the query and the predicted tags both
 * have. {@code title}, {@code path}, {@code durationSeconds} are null when the index lacks them.
 *
 * <p>A search by segments ({@link SegmentSearch}) also says where: {@code at} is where the query's
 * audio starts in the track (seconds), from the best-matching segment, and {@code segmentScore}
 * that segment's cosine similarity; both are null for a track-level search.
 */
public record SimilarHit(String id, double score, List<String> tags, List<TagScore> predicted,
    List<String> sharedTags, List<String> sharedPredictedTags, String title, String path, Double durationSeconds,
    Double at, Double segmentScore) {

  public SimilarHit {
    tags = List.copyOf(tags);
    predicted = List.copyOf(predicted);
    sharedTags = List.copyOf(sharedTags);
    sharedPredictedTags = List.copyOf(sharedPredictedTags);
  }

  /** A track-level hit. */
  public SimilarHit(String id, double score, List<String> tags, List<TagScore> predicted,
      List<String> sharedTags, List<String> sharedPredictedTags, String title, String path, Double durationSeconds) {
    this(id, score, tags, predicted, sharedTags, sharedPredictedTags, title, path, durationSeconds, null, null);
  }

  /** This hit ranked by its segments: the combined {@code trackScore}, and where and how well its best segment matched. */
  public SimilarHit withSegmentMatch(double trackScore, double bestAt, double bestSegmentScore) {
    return new SimilarHit(id, trackScore, tags, predicted, sharedTags, sharedPredictedTags, title, path, durationSeconds,
        bestAt, bestSegmentScore);
  }
}
