package org.soundalike.ui.service;

import java.util.List;
import java.util.Map;
import org.soundalike.dataset.TrackSegment;

/**
 * An uploaded track as the model sees it: its embedding, its predicted tag probabilities and its
 * segments (what search inside tracks matches).
 */
public record QueryEmbedding(float[] embedding, Map<String, Double> tagScores, List<TrackSegment> segments) {

  public QueryEmbedding {
    tagScores = Map.copyOf(tagScores);
    segments = List.copyOf(segments);
  }
}
