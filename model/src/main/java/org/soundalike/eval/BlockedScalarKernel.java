package org.soundalike.eval;

/**
 * Plain-Java kernel: 4 query rows × 4 database rows per step with 16 independent accumulators
 * (so the CPU's FMA pipelines stay busy), database tiles sized to stay in L2. About 5 GFLOP/s per
 * core here; {@link VectorApiKernel} is ~8× faster and is preferred when its module is present.
 */
public final class BlockedScalarKernel implements InnerProductKernel {

  /** Database rows per tile: 128 × 512 floats = 256 KiB, which stays in L2 while the queries pass. */
  static final int TILE = 128;

  @Override
  public String name() {
    return "blocked-scalar";
  }

  @Override
  public void innerProducts(EmbeddingMatrix queries, int from, int to, EmbeddingMatrix database, int dbFrom, int dbTo, float[] out) {
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

  static void checkShapes(EmbeddingMatrix queries, int from, int to, EmbeddingMatrix database, int dbFrom, int dbTo, float[] out) {
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

  private static void block4x4(float[] q, int qa, float[] db, int ba, int d, float[] out, int o, int n) {
    int q0 = qa, q1 = qa + d, q2 = qa + 2 * d, q3 = qa + 3 * d;
    int b0 = ba, b1 = ba + d, b2 = ba + 2 * d, b3 = ba + 3 * d;
    float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    for (int k = 0; k < d; k++) {
      float a0 = q[q0 + k], a1 = q[q1 + k], a2 = q[q2 + k], a3 = q[q3 + k];
      float x0 = db[b0 + k], x1 = db[b1 + k], x2 = db[b2 + k], x3 = db[b3 + k];
      c00 += a0 * x0; c01 += a0 * x1; c02 += a0 * x2; c03 += a0 * x3;
      c10 += a1 * x0; c11 += a1 * x1; c12 += a1 * x2; c13 += a1 * x3;
      c20 += a2 * x0; c21 += a2 * x1; c22 += a2 * x2; c23 += a2 * x3;
      c30 += a3 * x0; c31 += a3 * x1; c32 += a3 * x2; c33 += a3 * x3;
    }
    out[o] = c00; out[o + 1] = c01; out[o + 2] = c02; out[o + 3] = c03;
    o += n;
    out[o] = c10; out[o + 1] = c11; out[o + 2] = c12; out[o + 3] = c13;
    o += n;
    out[o] = c20; out[o + 1] = c21; out[o + 2] = c22; out[o + 3] = c23;
    o += n;
    out[o] = c30; out[o + 1] = c31; out[o + 2] = c32; out[o + 3] = c33;
  }

  static float dot(float[] a, int ao, float[] b, int bo, int d) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int k = 0;
    for (; k + 4 <= d; k += 4) {
      s0 += a[ao + k] * b[bo + k];
      s1 += a[ao + k + 1] * b[bo + k + 1];
      s2 += a[ao + k + 2] * b[bo + k + 2];
      s3 += a[ao + k + 3] * b[bo + k + 3];
    }
    for (; k < d; k++) {
      s0 += a[ao + k] * b[bo + k];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
