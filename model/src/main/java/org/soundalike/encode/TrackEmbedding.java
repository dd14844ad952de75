package org.soundalike.encode;

import java.util.List;
import org.soundalike.dataset.TrackSegment;

/**
 * A track's outputs (METHOD.md "Track-level outputs"), and its segments for search inside tracks.
 *
 * @param embedding L2-normalised mean of the excerpts' z
 * @param tagProbabilities mean of the excerpts' sigmoid(W z), in the encoder's tag order
 * @param excerpts how many evaluation windows the track had
 * @param segments the excerpts' z pooled over {@link SegmentWindows}, in time order (empty when not computed)
 */
public record TrackEmbedding(float[] embedding, float[] tagProbabilities, int excerpts, List<TrackSegment> segments) {

  public TrackEmbedding {
    segments = List.copyOf(segments);
  }

  public TrackEmbedding(float[] embedding, float[] tagProbabilities, int excerpts) {
    this(embedding, tagProbabilities, excerpts, List.of());
  }
}
