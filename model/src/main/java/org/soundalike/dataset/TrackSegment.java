package org.soundalike.dataset;

/**
 * A stretch of a track as the model sees it: where it starts and its embedding.
 *
 * @param at start in seconds from the beginning of the track
 * @param embedding L2-normalised mean of the excerpt embeddings the stretch covers
 */
public record TrackSegment(double at, float[] embedding) {

  public TrackSegment {
    if (!(at >= 0) || !Double.isFinite(at)) {
      throw new IllegalArgumentException("a segment starts at a finite time >= 0, got " + at);
    }
  }
}
