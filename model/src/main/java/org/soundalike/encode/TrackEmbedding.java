package org.soundalike.encode;

/**
 * A track's outputs (METHOD.md "Track-level outputs").
 *
 * @param embedding L2-normalised mean of the excerpts' z
 * @param tagProbabilities mean of the excerpts' sigmoid(W z), in the encoder's tag order
 * @param excerpts how many evaluation windows the track had
 */
public record TrackEmbedding(float[] embedding, float[] tagProbabilities, int excerpts) {}
