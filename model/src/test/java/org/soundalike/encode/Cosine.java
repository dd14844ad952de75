package org.soundalike.encode;

/** Test helper: the cosine of two embeddings, in double precision (engine parity checks). */
public final class Cosine {

  private Cosine() {}

  public static double of(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
