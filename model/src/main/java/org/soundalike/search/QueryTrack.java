package org.soundalike.search;

import java.util.List;
import java.util.Map;

/**
 * What a similarity search starts from: an embedding (unit length) and, when known, the query's
 * id (excluded from its own results), human tags and predicted tag probabilities (used to explain
 * the matches). An uploaded file has no id and no human tags.
 */
public record QueryTrack(String id, float[] embedding, List<String> tags, Map<String, Double> scores) {

  public QueryTrack {
    tags = List.copyOf(tags);
    scores = Map.copyOf(scores);
  }

  public static QueryTrack ofVector(float[] embedding) {
    return new QueryTrack(null, embedding, List.of(), Map.of());
  }
}
