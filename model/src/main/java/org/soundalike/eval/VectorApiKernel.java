package org.soundalike.eval;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD arithmetic for {@link TiledKernel} on the JDK's Vector API: 16 vector accumulators per
 * 4 × 4 step (fits the 32 AVX-512 registers; C2 spills a little on AVX2), lanes summed once per
 * pair at the end. Measured ~39 GFLOP/s per core on this machine's AVX-512 Xeon, against ~5 for
 * {@link BlockedScalarKernel}. Load it only through {@link InnerProductKernels#fastest()}: the
 * class cannot load unless the JVM runs with {@code --add-modules jdk.incubator.vector}.
 */
public final class VectorApiKernel extends TiledKernel {

  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  /**
   * True when the CPU has 256-bit or wider SIMD (AVX2, AVX-512): there C2 compiles the Vector
   * API to vector instructions. With narrower vectors the API may fall back to per-lane Java,
   * far slower than {@link BlockedScalarKernel}.
   */
  static boolean worthwhile() {
    return SPECIES.vectorBitSize() >= 256;
  }

  @Override
  public String name() {
    return "vector-api-" + SPECIES.vectorBitSize() + "bit";
  }

  @Override
  void block4x4(float[] q, int qa, float[] db, int ba, int d, float[] out, int o, int n) {
    int q0 = qa, q1 = qa + d, q2 = qa + 2 * d, q3 = qa + 3 * d;
    int b0 = ba, b1 = ba + d, b2 = ba + 2 * d, b3 = ba + 3 * d;
    FloatVector z = FloatVector.zero(SPECIES);
    FloatVector c00 = z, c01 = z, c02 = z, c03 = z, c10 = z, c11 = z, c12 = z, c13 = z;
    FloatVector c20 = z, c21 = z, c22 = z, c23 = z, c30 = z, c31 = z, c32 = z, c33 = z;
    int bound = SPECIES.loopBound(d);
    int k = 0;
    for (; k < bound; k += SPECIES.length()) {
      FloatVector a0 = FloatVector.fromArray(SPECIES, q, q0 + k);
      FloatVector a1 = FloatVector.fromArray(SPECIES, q, q1 + k);
      FloatVector a2 = FloatVector.fromArray(SPECIES, q, q2 + k);
      FloatVector a3 = FloatVector.fromArray(SPECIES, q, q3 + k);
      FloatVector x0 = FloatVector.fromArray(SPECIES, db, b0 + k);
      FloatVector x1 = FloatVector.fromArray(SPECIES, db, b1 + k);
      FloatVector x2 = FloatVector.fromArray(SPECIES, db, b2 + k);
      FloatVector x3 = FloatVector.fromArray(SPECIES, db, b3 + k);
      c00 = a0.fma(x0, c00); c01 = a0.fma(x1, c01); c02 = a0.fma(x2, c02); c03 = a0.fma(x3, c03);
      c10 = a1.fma(x0, c10); c11 = a1.fma(x1, c11); c12 = a1.fma(x2, c12); c13 = a1.fma(x3, c13);
      c20 = a2.fma(x0, c20); c21 = a2.fma(x1, c21); c22 = a2.fma(x2, c22); c23 = a2.fma(x3, c23);
      c30 = a3.fma(x0, c30); c31 = a3.fma(x1, c31); c32 = a3.fma(x2, c32); c33 = a3.fma(x3, c33);
    }
    out[o] = sum(c00) + tail(q, q0, db, b0, k, d);
    out[o + 1] = sum(c01) + tail(q, q0, db, b1, k, d);
    out[o + 2] = sum(c02) + tail(q, q0, db, b2, k, d);
    out[o + 3] = sum(c03) + tail(q, q0, db, b3, k, d);
    o += n;
    out[o] = sum(c10) + tail(q, q1, db, b0, k, d);
    out[o + 1] = sum(c11) + tail(q, q1, db, b1, k, d);
    out[o + 2] = sum(c12) + tail(q, q1, db, b2, k, d);
    out[o + 3] = sum(c13) + tail(q, q1, db, b3, k, d);
    o += n;
    out[o] = sum(c20) + tail(q, q2, db, b0, k, d);
    out[o + 1] = sum(c21) + tail(q, q2, db, b1, k, d);
    out[o + 2] = sum(c22) + tail(q, q2, db, b2, k, d);
    out[o + 3] = sum(c23) + tail(q, q2, db, b3, k, d);
    o += n;
    out[o] = sum(c30) + tail(q, q3, db, b0, k, d);
    out[o + 1] = sum(c31) + tail(q, q3, db, b1, k, d);
    out[o + 2] = sum(c32) + tail(q, q3, db, b2, k, d);
    out[o + 3] = sum(c33) + tail(q, q3, db, b3, k, d);
  }

  private static float sum(FloatVector v) {
    return v.reduceLanes(VectorOperators.ADD);
  }

  /** The dimensions past the last whole vector (none when D is a multiple of the lane count). */
  private static float tail(float[] a, int ao, float[] b, int bo, int from, int d) {
    float s = 0;
    for (int k = from; k < d; k++) {
      s += a[ao + k] * b[bo + k];
    }
    return s;
  }

  @Override
  float dot(float[] a, int ao, float[] b, int bo, int d) {
    FloatVector acc = FloatVector.zero(SPECIES);
    int bound = SPECIES.loopBound(d);
    int k = 0;
    for (; k < bound; k += SPECIES.length()) {
      acc = FloatVector.fromArray(SPECIES, a, ao + k).fma(FloatVector.fromArray(SPECIES, b, bo + k), acc);
    }
    return sum(acc) + tail(a, ao, b, bo, k, d);
  }
}
