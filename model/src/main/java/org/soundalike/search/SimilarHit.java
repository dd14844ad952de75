package org.soundalike.search;

import java.util.List;

/**
 * One result: the track, its cosine similarity to the query, its human tags, its top predicted
 * tags, and why it matches: the human tags it shares with the query and the predicted tags both
 * have. {@code title}, {@code path}, {@code durationSeconds} are null when the index lacks them.
 */
public record SimilarHit(String id, double score, List<String> tags, List<TagScore> predicted,
    List<String> sharedTags, List<String> sharedPredictedTags, String title, String path, Double durationSeconds) {

  public SimilarHit {
    tags = List.copyOf(tags);
    predicted = List.copyOf(predicted);
    sharedTags = List.copyOf(sharedTags);
    sharedPredictedTags = List.copyOf(sharedPredictedTags);
  }
}
