package org.soundalike.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random evaluation sets for benchmarks: unit embeddings drawn uniformly on the sphere, each tag
 * carried with probability 3/T (about 3 tags per track, a few percent of tracks without any, as in
 * MagnaTagATune), scores uniform with a shift for carried tags so the AUCs are not trivial.
 */
public final class SyntheticEvaluationSet {

  private SyntheticEvaluationSet() {}

  public static EvaluationSet generate(int tracks, int dim, int tagCount, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[tracks * dim];
    boolean[][] labels = new boolean[tracks][tagCount];
    double[][] scores = new double[tracks][tagCount];
    List<String> ids = new ArrayList<>(tracks);
    double tagProbability = Math.min(1, 3.0 / tagCount);
    for (int i = 0; i < tracks; i++) {
      ids.add("track" + i);
      double norm = 0;
      for (int k = 0; k < dim; k++) {
        double u = 1 - random.nextDouble();
        double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
        values[i * dim + k] = (float) g;
        norm += g * g;
      }
      float scale = (float) (1 / Math.sqrt(norm));
      for (int k = 0; k < dim; k++) {
        values[i * dim + k] *= scale;
      }
      for (int t = 0; t < tagCount; t++) {
        labels[i][t] = random.nextDouble() < tagProbability;
        scores[i][t] = 0.7 * random.nextDouble() + (labels[i][t] ? 0.3 : 0);
      }
    }
    List<String> tags = new ArrayList<>(tagCount);
    for (int t = 0; t < tagCount; t++) {
      tags.add(String.format("tag%02d", t));
    }
    return new EvaluationSet(ids, tags, new EmbeddingMatrix(values, tracks, dim), labels, scores);
  }
}
