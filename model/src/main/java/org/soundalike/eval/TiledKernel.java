package org.soundalike.eval;

/**
 * The loop both pure-Java kernels share: database tiles that stay in L2 while the queries pass,
 * 4 query rows × 4 database rows per step (16 independent accumulators keep the FMA pipelines
 * busy), single dot products for the rows left over. Subclasses supply only the arithmetic.
 */
abstract class TiledKernel implements InnerProductKernel {

  /** Database rows per tile: 128 × 512 floats = 256 KiB, which stays in L2 while the queries pass. */
  static final int TILE = 128;

  /**
   * Writes the 4 × 4 inner products of query rows starting at {@code qa} and database rows
   * starting at {@code ba} (row stride {@code d}) to {@code out[o..o+3]}, {@code out[o+n..]}, ….
   */
  abstract void block4x4(float[] q, int qa, float[] db, int ba, int d, float[] out, int o, int n);

  /** The inner product of {@code d} values of {@code a} from {@code ao} and {@code b} from {@code bo}. */
  abstract float dot(float[] a, int ao, float[] b, int bo, int d);

  @Override
  public final void innerProducts(
      EmbeddingMatrix queries, int from, int to, EmbeddingMatrix database, int dbFrom, int dbTo, float[] out) {
    checkShapes(queries, from, to, database, dbFrom, dbTo, out);
    float[] q = queries.values();
    float[] db = database.values();
    int d = queries.dim();
    int n = dbTo - dbFrom;
    for (int j0 = dbFrom; j0 < dbTo; j0 += TILE) {
      int j1 = Math.min(j0 + TILE, dbTo);
      int i = from;
      for (; i + 4 <= to; i += 4) {
        int j = j0;
        for (; j + 4 <= j1; j += 4) {
          block4x4(q, i * d, db, j * d, d, out, (i - from) * n + j - dbFrom, n);
        }
        for (; j < j1; j++) {
          for (int r = 0; r < 4; r++) {
            out[(i + r - from) * n + j - dbFrom] = dot(q, (i + r) * d, db, j * d, d);
          }
        }
      }
      for (; i < to; i++) {
        for (int j = j0; j < j1; j++) {
          out[(i - from) * n + j - dbFrom] = dot(q, i * d, db, j * d, d);
        }
      }
    }
  }

  private static void checkShapes(
      EmbeddingMatrix queries, int from, int to, EmbeddingMatrix database, int dbFrom, int dbTo, float[] out) {
    if (queries.dim() != database.dim()) {
      throw new IllegalArgumentException("queries have " + queries.dim() + " dimensions, the database " + database.dim());
    }
    if (from < 0 || to > queries.rows() || from > to) {
      throw new IllegalArgumentException("query rows [" + from + ", " + to + ") outside [0, " + queries.rows() + ")");
    }
    if (dbFrom < 0 || dbTo > database.rows() || dbFrom > dbTo) {
      throw new IllegalArgumentException("database rows [" + dbFrom + ", " + dbTo + ") outside [0, " + database.rows() + ")");
    }
    if (out.length < (long) (to - from) * (dbTo - dbFrom)) {
      throw new IllegalArgumentException("output holds " + out.length + " values, needs " + (long) (to - from) * (dbTo - dbFrom));
    }
  }
}
