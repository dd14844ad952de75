package org.soundalike.encode;

import java.util.List;

/**
 * The network's per-excerpt outputs, whatever runs it: the SameDiff graph of a checkpoint here, an
 * ONNX Runtime session elsewhere. Implementations must be safe for concurrent callers.
 */
public interface ExcerptEncoder extends AutoCloseable {

  /**
   * The outputs of a batch of excerpts.
   *
   * @param excerpts each {@link org.soundalike.audio.AudioSpec#EXCERPT_SAMPLES} samples
   */
  EncodedExcerpts encode(List<float[]> excerpts);

  /** The tag vocabulary, in the order of the tag probabilities. */
  List<String> tags();

  /** The size D of an embedding. */
  int embeddingSize();

  /** How many excerpts one call should carry for good throughput. */
  int preferredBatch();

  @Override
  void close();

  /**
   * Per excerpt: z (unit length) and the tag probabilities sigmoid(W z).
   *
   * @param embeddings {@code [N][D]}
   * @param tagProbabilities {@code [N][T]}
   */
  record EncodedExcerpts(float[][] embeddings, float[][] tagProbabilities) {}
}
