package org.soundalike.eval;

/**
 * The ranked results of every query: {@code indices[q]} are rows of the searched matrix, best
 * first, the query itself excluded; {@code similarities[q]} their inner products with the query.
 * Each list holds {@code min(K, rows - 1)} results.
 */
public record Neighbours(int[][] indices, float[][] similarities) {

  public int queries() {
    return indices.length;
  }

  /** The number of results of each query (the same for all). */
  public int depth() {
    return indices.length == 0 ? 0 : indices[0].length;
  }
}
