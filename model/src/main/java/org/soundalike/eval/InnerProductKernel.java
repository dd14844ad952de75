package org.soundalike.eval;

/**
 * Computes one block of inner products between query rows and every database row. A kernel is
 * single-threaded and stateless; {@link ExactRetrieval} runs several blocks in parallel. A
 * BLAS-backed kernel can replace the pure-Java ones behind this interface.
 */
public interface InnerProductKernel {

  /**
   * For {@code r} in {@code [0, to - from)} and {@code j} in {@code [0, database.rows())}:
   * {@code out[r * database.rows() + j] = <queries row (from + r), database row j>}.
   */
  void innerProducts(EmbeddingMatrix queries, int from, int to, EmbeddingMatrix database, float[] out);

  /** A short name for benchmarks and provenance. */
  String name();
}
