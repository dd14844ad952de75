package org.soundalike.search;

import java.util.List;
import java.util.Map;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.TrackSegment;

/**
 * What a similarity search starts from: an embedding (unit length) and, when known, the query's
 * id (excluded from its own results), human tags and predicted tag probabilities (used to explain
 * the matches), and its segments (for {@link SegmentSearch}; empty when not known). An uploaded
 * file has no id and no human tags.
 */
public record QueryTrack(String id, float[] embedding, List<String> tags, Map<String, Double> scores,
    List<TrackSegment> segments) {

  public QueryTrack {
    tags = List.copyOf(tags);
    scores = Map.copyOf(scores);
    segments = List.copyOf(segments);
  }

  public QueryTrack(String id, float[] embedding, List<String> tags, Map<String, Double> scores) {
    this(id, embedding, tags, scores, List.of());
  }

  public static QueryTrack ofVector(float[] embedding) {
    return new QueryTrack(null, embedding, List.of(), Map.of());
  }

  /**
   * An uploaded file embedded by the model: no id (nothing to exclude) and no human tags, so its
   * predicted tags (probability ≥ the index's threshold) are what a hit's tags are compared with.
   */
  public static QueryTrack ofUploadedFile(EmbeddedTrack file) {
    return new QueryTrack(null, file.embedding(),
        TrackDocument.predictedTags(file.scores(), TrackIndexSchema.DEFAULT_PREDICTED_TAG_THRESHOLD), file.scores(),
        file.segments());
  }
}
