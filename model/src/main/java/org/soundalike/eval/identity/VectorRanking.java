package org.soundalike.eval.identity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Ranks the catalog by cosine similarity between one vector per track and the clip's vector.
 * With {@code standardise}, each dimension is first z-scored with the catalog's mean and standard
 * deviation: hand-made features such as MFCC statistics live on very different scales (the first
 * coefficient dwarfs the others), which a learned, L2-normalised embedding does not need.
 */
public final class VectorRanking implements IdentityRanking {

  /** A track's vector from its decoded samples. */
  @FunctionalInterface
  public interface Vectors {
    float[] of(String id, Path file, float[] samples);
  }

  private final String name;
  private final Vectors vectors;
  private final boolean standardise;
  private final List<String> ids = new ArrayList<>();
  private final List<float[]> raw = new ArrayList<>();
  private double[] mean;
  private double[] scale;
  private List<float[]> catalog;

  public VectorRanking(String name, Vectors vectors, boolean standardise) {
    this.name = name;
    this.vectors = vectors;
    this.standardise = standardise;
  }

  /** The plain baseline: MFCC mean and standard deviation, standardised. */
  public static VectorRanking mfcc() {
    return new VectorRanking("mfcc", (id, file, samples) -> MfccSummary.of(samples), true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void add(String id, Path file, float[] samples) {
    if (catalog != null) {
      throw new IllegalStateException(name + ": tracks must all be added before the first query");
    }
    ids.add(id);
    raw.add(vectors.of(id, file, samples));
  }

  @Override
  public synchronized RankedTracks rank(Path clip, float[] samples) {
    if (catalog == null) {
      prepare();
    }
    float[] query = unit(vectors.of(clip.toString(), clip, samples));
    double[] similarity = catalog.stream().mapToDouble(v -> dot(query, v)).toArray();
    List<String> ranked =
        IntStream.range(0, ids.size()).boxed()
            .sorted(Comparator.<Integer>comparingDouble(i -> -similarity[i]).thenComparing(ids::get))
            .map(ids::get)
            .toList();
    return new RankedTracks(ranked, null);
  }

  private void prepare() {
    int d = raw.isEmpty() ? 0 : raw.get(0).length;
    mean = new double[d];
    scale = new double[d];
    Arrays.fill(scale, 1);
    if (standardise && !raw.isEmpty()) {
      for (float[] v : raw) {
        for (int j = 0; j < d; j++) {
          mean[j] += v[j] / (double) raw.size();
        }
      }
      for (int j = 0; j < d; j++) {
        double variance = 0;
        for (float[] v : raw) {
          variance += (v[j] - mean[j]) * (v[j] - mean[j]) / raw.size();
        }
        scale[j] = variance > 0 ? Math.sqrt(variance) : 1;
      }
    }
    catalog = raw.stream().map(this::unit).toList();
  }

  private float[] unit(float[] v) {
    float[] out = new float[v.length];
    double norm = 0;
    for (int j = 0; j < v.length; j++) {
      out[j] = (float) ((v[j] - mean[j]) / scale[j]);
      norm += out[j] * out[j];
    }
    double inverse = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (int j = 0; j < v.length; j++) {
      out[j] *= (float) inverse;
    }
    return out;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }
}
