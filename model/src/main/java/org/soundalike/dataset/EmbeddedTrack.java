package org.soundalike.dataset;

import java.util.List;
import java.util.Map;

/**
 * A track as the trained model sees it: its human tags, its similarity embedding (unit length)
 * and its predicted tag probabilities. One line of the project's JSON-lines exchange format
 * ({@code soundalike embed} writes it; {@code metrics} and {@code index} read it).
 */
public record EmbeddedTrack(String id, List<String> tags, float[] embedding, Map<String, Double> scores) {

  public EmbeddedTrack {
    tags = List.copyOf(tags);
    scores = Map.copyOf(scores);
  }
}
