package org.soundalike.eval;

/** Chooses the fastest inner-product kernel this JVM can run. */
public final class InnerProductKernels {

  private static final String VECTOR_MODULE = "jdk.incubator.vector";

  private InnerProductKernels() {}

  /**
   * {@link VectorApiKernel} when the JVM was started with {@code --add-modules jdk.incubator.vector}
   * (the launcher and the tests do) and the CPU has 256-bit SIMD or wider, else
   * {@link BlockedScalarKernel}. The module check happens before the SIMD class is touched, so
   * its absence never raises a class-loading error.
   */
  public static InnerProductKernel fastest() {
    return vectorApiAvailable() && VectorApiKernel.worthwhile() ? new VectorApiKernel() : new BlockedScalarKernel();
  }

  public static boolean vectorApiAvailable() {
    return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
  }
}
