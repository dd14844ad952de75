package org.soundalike.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.soundalike.dataset.EmbeddedTrack;

/** Small track sets for the evaluation tests. */
final class Fixtures {

  private Fixtures() {}

  static EmbeddedTrack track(String id, List<String> tags, float[] embedding, Object... tagScorePairs) {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int i = 0; i < tagScorePairs.length; i += 2) {
      scores.put((String) tagScorePairs[i], ((Number) tagScorePairs[i + 1]).doubleValue());
    }
    return new EmbeddedTrack(id, tags, embedding, scores);
  }

  static float[] unit(double... values) {
    double norm = 0;
    for (double v : values) {
      norm += v * v;
    }
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) (values[i] / Math.sqrt(norm));
    }
    return out;
  }

  /** Random unit embeddings, random tags (some tracks without any), scores loosely tied to the tags. */
  static List<EmbeddedTrack> random(int n, int dim, int tagCount, long seed) {
    Random random = new Random(seed);
    List<EmbeddedTrack> tracks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] v = new double[dim];
      for (int k = 0; k < dim; k++) {
        v[k] = random.nextGaussian();
      }
      List<String> tags = new ArrayList<>();
      Map<String, Double> scores = new LinkedHashMap<>();
      for (int t = 0; t < tagCount; t++) {
        boolean has = random.nextDouble() < 0.2;
        if (has) {
          tags.add("tag" + t);
        }
        scores.put("tag" + t, Math.min(1, Math.max(0, random.nextDouble() * 0.7 + (has ? 0.3 : 0))));
      }
      tracks.add(new EmbeddedTrack("track" + i, tags, unit(v), scores));
    }
    return tracks;
  }
}
