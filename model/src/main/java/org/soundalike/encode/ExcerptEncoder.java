package org.soundalike.encode;

import java.util.List;

/**
 * Excerpts → similarity embeddings z and tag probabilities sigmoid(W z), whatever engine runs the
 * network (ND4J for a run without an export, ONNX Runtime with one). Implementations are safe for
 * concurrent callers and split long lists into batches themselves.
 */
public interface ExcerptEncoder extends AutoCloseable {

  /** @param excerpts each {@code AudioSpec.EXCERPT_SAMPLES} long, mono, in [-1, 1] */
  ExcerptEmbeddings encode(List<float[]> excerpts);

  /** D, the length of every embedding. */
  int embeddingSize();

  /** The tag vocabulary, in the order of the tag probabilities. */
  List<String> tags();

  /** Which engine runs the network ({@code nd4j} or {@code onnxruntime}), for logs and benchmarks. */
  String engine();

  @Override
  void close();
}
