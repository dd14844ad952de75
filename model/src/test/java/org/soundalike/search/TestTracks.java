package org.soundalike.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.EmbeddedTrackJsonl;

/** Generated tracks for the search tests: unit vectors in tag clusters, with predicted scores. */
public final class TestTracks {

  static final List<String> GENRES = List.of("rock", "jazz", "techno");

  private TestTracks() {}

  /**
   * {@code count} tracks {@code t000…}, cluster = index % 3; each carries its cluster's genre tag
   * (every 5th track also "vocal") and predicts its genre at 0.9 and the others at 0.05.
   */
  public static List<EmbeddedTrack> clustered(int count, int dims, long seed) {
    Random random = new Random(seed);
    float[][] centres = new float[GENRES.size()][];
    for (int c = 0; c < centres.length; c++) {
      centres[c] = unit(gaussian(random, dims, 1));
    }
    List<EmbeddedTrack> tracks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int cluster = i % GENRES.size();
      float[] v = gaussian(random, dims, 0.35);
      for (int d = 0; d < dims; d++) {
        v[d] += centres[cluster][d];
      }
      List<String> tags = new ArrayList<>(List.of(GENRES.get(cluster)));
      if (i % 5 == 0) {
        tags.add("vocal");
      }
      Map<String, Double> scores = new LinkedHashMap<>();
      for (int g = 0; g < GENRES.size(); g++) {
        scores.put(GENRES.get(g), g == cluster ? 0.9 : 0.05);
      }
      tracks.add(new EmbeddedTrack(String.format("t%03d", i), tags, unit(v), scores));
    }
    return tracks;
  }

  static float[] gaussian(Random random, int dims, double sigma) {
    float[] v = new float[dims];
    for (int d = 0; d < dims; d++) {
      v[d] = (float) (random.nextGaussian() * sigma);
    }
    return v;
  }

  static float[] unit(float[] v) {
    double norm = Math.sqrt(Vectors.dot(v, v));
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = (float) (v[i] / norm);
    }
    return u;
  }

  /** Exact top-k ids by inner product, the query excluded. */
  static List<String> exactTopK(List<EmbeddedTrack> tracks, float[] query, String excludeId, int k) {
    return tracks.stream()
        .filter(t -> !t.id().equals(excludeId))
        .sorted(Comparator.comparingDouble((EmbeddedTrack t) -> -Vectors.dot(t.embedding(), query)))
        .limit(k)
        .map(EmbeddedTrack::id)
        .toList();
  }

  public static Path writeJsonl(Path dir, String name, List<EmbeddedTrack> tracks, String... extraLines) throws IOException {
    List<String> lines = new ArrayList<>();
    tracks.forEach(t -> lines.add(EmbeddedTrackJsonl.toLine(t)));
    lines.addAll(List.of(extraLines));
    return Files.write(dir.resolve(name), lines);
  }
}
