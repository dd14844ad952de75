package org.soundalike.audio;

import java.util.List;
import org.soundalike.audio.AudioSpec;

/** Checks excerpt lengths and packs excerpts into one row-major float array for an engine. */
public final class ExcerptBatches {

  private ExcerptBatches() {}

  /** {@code excerpts[from, to)} packed row after row ({@code (to - from) × 59049} values). */
  public static float[] pack(List<float[]> excerpts, int from, int to) {
    int length = AudioSpec.EXCERPT_SAMPLES;
    float[] packed = new float[(to - from) * length];
    for (int i = from; i < to; i++) {
      float[] excerpt = excerpts.get(i);
      if (excerpt.length != length) {
        throw new IllegalArgumentException(
            "excerpt " + i + " has " + excerpt.length + " samples, the network takes " + length);
      }
      System.arraycopy(excerpt, 0, packed, (i - from) * length, length);
    }
    return packed;
  }
}
