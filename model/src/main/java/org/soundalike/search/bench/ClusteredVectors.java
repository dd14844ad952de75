package org.soundalike.search.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated stand-ins for track embeddings: unit vectors scattered around {@code clusters}
 * random centres (music falls into styles, so real embeddings are clustered, which is what makes
 * HNSW and quantisation behave differently from uniform noise), each with tags: the cluster's
 * tag {@code tag-(cluster mod 10)} with probability 0.8, and every other of the 10 tags with
 * probability 0.02, so each tag covers about 10 % of the tracks.
 */
public final class ClusteredVectors {

  public static final int TAGS = 10;

  private final int dims;
  private final float[][] centres;
  private final double noise;
  private final Random random;

  /** {@code spread} = length of the noise vector relative to the unit centre. */
  public ClusteredVectors(int dims, int clusters, double spread, long seed) {
    this.dims = dims;
    this.random = new Random(seed);
    this.noise = spread / Math.sqrt(dims);
    this.centres = new float[clusters][];
    for (int c = 0; c < clusters; c++) {
      centres[c] = unit(gaussian(1.0));
    }
  }

  /** One generated track: its vector and tags. */
  public record Sample(float[] vector, List<String> tags) {}

  public Sample next() {
    int cluster = random.nextInt(centres.length);
    float[] v = gaussian(noise);
    for (int d = 0; d < dims; d++) {
      v[d] += centres[cluster][d];
    }
    List<String> tags = new ArrayList<>();
    for (int t = 0; t < TAGS; t++) {
      double p = t == cluster % TAGS ? 0.8 : 0.02;
      if (random.nextDouble() < p) {
        tags.add(tag(t));
      }
    }
    return new Sample(unit(v), tags);
  }

  public static String tag(int t) {
    return "tag-" + t;
  }

  private float[] gaussian(double sigma) {
    float[] v = new float[dims];
    for (int d = 0; d < dims; d++) {
      v[d] = (float) (random.nextGaussian() * sigma);
    }
    return v;
  }

  static float[] unit(float[] v) {
    double s = 0;
    for (float f : v) {
      s += (double) f * f;
    }
    double norm = Math.sqrt(s);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / norm);
    }
    return v;
  }
}
