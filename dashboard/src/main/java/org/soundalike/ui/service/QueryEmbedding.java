package org.soundalike.ui.service;

import java.util.Map;

/** An uploaded track as the model sees it: its embedding and its predicted tag probabilities. */
public record QueryEmbedding(float[] embedding, Map<String, Double> tagScores) {

  public QueryEmbedding {
    tagScores = Map.copyOf(tagScores);
  }
}
