package org.soundalike.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.soundalike.dataset.EmbeddedTrack;

/** Vector checks and the compact base64 float32 form kept in the index's stored field. */
public final class Vectors {

  /**
   * Elasticsearch rejects dot_product vectors whose squared length is off 1 by more than about
   * 1e-4 relative; this is the client-side check, kept a little looser so that the server stays
   * the judge of borderline vectors (its rejection is reported like any other).
   */
  static final double UNIT_TOLERANCE = 1e-3;

  private Vectors() {}

  /** Why {@code v} cannot be indexed with {@code dimensions} dims, or null when it can. */
  public static String problem(float[] v, int dimensions) {
    if (v == null) {
      return "no embedding";
    }
    if (v.length != dimensions) {
      return "embedding has " + v.length + " dimensions, the index expects " + dimensions;
    }
    double squared = 0;
    for (int i = 0; i < v.length; i++) {
      if (!Float.isFinite(v[i])) {
        return "embedding[" + i + "] is " + v[i] + " (not a finite number)";
      }
      squared += (double) v[i] * v[i];
    }
    if (squared == 0) {
      return "embedding is the zero vector (dot_product needs unit length)";
    }
    return null;
  }

  /** Why {@code track}'s embedding or one of its segments' cannot be indexed, or null when all can. */
  public static String problem(EmbeddedTrack track, int dimensions) {
    String problem = problem(track.embedding(), dimensions);
    for (int i = 0; problem == null && i < track.segments().size(); i++) {
      String segment = problem(track.segments().get(i).embedding(), dimensions);
      if (segment != null) {
        problem = "segments[" + i + "]: " + segment;
      }
    }
    return problem;
  }

  public static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static String toBase64(float[] v) {
    ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(v);
    return Base64.getEncoder().encodeToString(bytes.array());
  }

  static float[] fromBase64(String text) {
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[bytes.remaining() / Float.BYTES];
    bytes.asFloatBuffer().get(v);
    return v;
  }

  static List<Float> asList(float[] v) {
    List<Float> list = new ArrayList<>(v.length);
    for (float f : v) {
      list.add(f);
    }
    return list;
  }
}
