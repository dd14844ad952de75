package org.soundalike.eval;

/**
 * Computes one block of inner products between query rows and every database row. A kernel is
 * single-threaded and stateless; {@link ExactRetrieval} runs several blocks in parallel. A
 * BLAS-backed kernel can replace the pure-Java ones behind this interface.
 */
public interface InnerProductKernel {

  /**
   * For {@code r} in {@code [0, to - from)} and {@code c} in {@code [0, dbTo - dbFrom)}:
   * {@code out[r * (dbTo - dbFrom) + c] = <queries row (from + r), database row (dbFrom + c)>}.
   */
  void innerProducts(EmbeddingMatrix queries, int from, int to, EmbeddingMatrix database, int dbFrom, int dbTo, float[] out);

  /** Against every database row: {@code out[r * database.rows() + j]}. */
  default void innerProducts(EmbeddingMatrix queries, int from, int to, EmbeddingMatrix database, float[] out) {
    innerProducts(queries, from, to, database, 0, database.rows(), out);
  }

  /** A short name for benchmarks and provenance. */
  String name();
}
