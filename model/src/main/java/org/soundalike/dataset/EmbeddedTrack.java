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
 *
 * <p>{@code segments} are the embeddings of the track's stretches, in time order (empty when
 * not computed): what an uploaded clip is matched against to find the track and the moment in it.
 */
public record EmbeddedTrack(String id, List<String> tags, float[] embedding, Map<String, Double> scores,
    String path, String title, Double seconds, List<TrackSegment> segments) {

  public EmbeddedTrack {
    tags = List.copyOf(tags);
    scores = Map.copyOf(scores);
    segments = segments == null ? List.of() : List.copyOf(segments);
  }

  /** A track with facts about its audio but without segments. */
  public EmbeddedTrack(String id, List<String> tags, float[] embedding, Map<String, Double> scores,
      String path, String title, Double seconds) {
    this(id, tags, embedding, scores, path, title, seconds, List.of());
  }

  /** A track without facts about its audio (vectors from elsewhere, tests). */
  public EmbeddedTrack(String id, List<String> tags, float[] embedding, Map<String, Double> scores) {
    this(id, tags, embedding, scores, null, null, null, List.of());
  }

  /** The same track with the facts about its audio file. */
  public EmbeddedTrack withAudio(String audioPath, String audioTitle, Double audioSeconds) {
    return new EmbeddedTrack(id, tags, embedding, scores, audioPath, audioTitle, audioSeconds, segments);
  }

  /** The same track with the embeddings of its stretches. */
  public EmbeddedTrack withSegments(List<TrackSegment> trackSegments) {
    return new EmbeddedTrack(id, tags, embedding, scores, path, title, seconds, trackSegments);
  }
}
