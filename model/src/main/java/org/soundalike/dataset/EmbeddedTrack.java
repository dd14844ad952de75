package org.soundalike.dataset;

import java.util.List;
import java.util.Map;

/**
 * A track as the trained model sees it: its human tags, its similarity embedding (unit length)
 * and its predicted tag probabilities. One line of the project's JSON-lines exchange format
 * ({@code soundalike embed} writes it; {@code metrics} and {@code index} read it).
 *
 * <p>{@code path}, {@code title} and {@code seconds} are optional facts about the audio the
 * embedding came from (null when unknown): the search index shows them with every hit.
 */
public record EmbeddedTrack(String id, List<String> tags, float[] embedding, Map<String, Double> scores,
    String path, String title, Double seconds) {

  public EmbeddedTrack {
    tags = List.copyOf(tags);
    scores = Map.copyOf(scores);
  }

  /** A track without facts about its audio (vectors from elsewhere, tests). */
  public EmbeddedTrack(String id, List<String> tags, float[] embedding, Map<String, Double> scores) {
    this(id, tags, embedding, scores, null, null, null);
  }

  /** The same track with the facts about its audio file. */
  public EmbeddedTrack withAudio(String audioPath, String audioTitle, Double audioSeconds) {
    return new EmbeddedTrack(id, tags, embedding, scores, audioPath, audioTitle, audioSeconds);
  }
}
