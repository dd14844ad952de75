package org.soundalike.eval;

/**
 * Plain-Java arithmetic for {@link TiledKernel}: scalar accumulators. About 5 GFLOP/s per core
 * here; {@link VectorApiKernel} is ~8× faster and is preferred when its module is present.
 */
public final class BlockedScalarKernel extends TiledKernel {

  @Override
  public String name() {
    return "blocked-scalar";
  }

  @Override
  void block4x4(float[] q, int qa, float[] db, int ba, int d, float[] out, int o, int n) {
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

  @Override
  float dot(float[] a, int ao, float[] b, int bo, int d) {
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
