package org.soundalike.eval;

import java.util.Arrays;

/**
 * Embeddings as one row-major float block ({@code rows × dim}): the layout the inner-product
 * kernels stream through. The constructor takes ownership of the array; nothing mutates it later.
 */
public final class EmbeddingMatrix {

  private final float[] values;
  private final int rows;
  private final int dim;

  public EmbeddingMatrix(float[] values, int rows, int dim) {
    if (rows < 0 || dim <= 0 || values.length != (long) rows * dim) {
      throw new IllegalArgumentException(
          "a " + rows + "×" + dim + " matrix needs " + ((long) rows * dim) + " values, got " + values.length);
    }
    this.values = values;
    this.rows = rows;
    this.dim = dim;
  }

  /** Copies the given rows, which must all have the same length. */
  public static EmbeddingMatrix of(float[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no rows");
    }
    int dim = rows[0].length;
    float[] values = new float[rows.length * dim];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != dim) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + dim);
      }
      System.arraycopy(rows[i], 0, values, i * dim, dim);
    }
    return new EmbeddingMatrix(values, rows.length, dim);
  }

  public int rows() {
    return rows;
  }

  public int dim() {
    return dim;
  }

  /**
   * The backing array, row i at {@code [i * dim, (i + 1) * dim)}: for {@link InnerProductKernel}
   * implementations (a BLAS-backed one may live in another package). Never modify it.
   */
  public float[] values() {
    return values;
  }

  public float get(int row, int column) {
    return values[row * dim + column];
  }

  public float[] row(int i) {
    return Arrays.copyOfRange(values, i * dim, (i + 1) * dim);
  }

  /** A new matrix of the given rows, in the given order. */
  public EmbeddingMatrix select(int[] rowIndices) {
    float[] selected = new float[rowIndices.length * dim];
    for (int r = 0; r < rowIndices.length; r++) {
      System.arraycopy(values, rowIndices[r] * dim, selected, r * dim, dim);
    }
    return new EmbeddingMatrix(selected, rowIndices.length, dim);
  }
}
