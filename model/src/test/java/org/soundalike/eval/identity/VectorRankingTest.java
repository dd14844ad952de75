package org.soundalike.eval.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorRankingTest {

  /** The "audio" is the vector itself, so the test controls every similarity. */
  private static VectorRanking ranking(boolean standardise) {
    return new VectorRanking("v", (id, file, samples) -> samples, standardise);
  }

  @Test
  void ranksEveryTrackByCosineSimilarityBestFirst() {
    VectorRanking r = ranking(false);
    Map.of("east", new float[] {1, 0}, "north", new float[] {0, 1}, "northeast", new float[] {1, 1})
        .forEach((id, v) -> r.add(id, Path.of(id), v));

    RankedTracks ranked = r.rank(Path.of("clip"), new float[] {2, 0.5f});

    assertThat(ranked.ids()).containsExactly("east", "northeast", "north");
    assertThat(ranked.predictedOffsetSeconds()).isNull();
  }

  @Test
  void aStandardisedRankingDoesNotCareOnWhichScaleADimensionIsMeasured() {
    float[][] tracks = {{1, 0}, {0, 1}, {0.7f, 0.7f}};
    float[] clip = {0.3f, 0.8f};
    float[] scale = {1000, 1};

    assertThat(rank(true, tracks, clip, new float[] {1, 1})).containsExactly("t1", "t2", "t0");
    assertThat(rank(true, tracks, clip, scale)).containsExactly("t1", "t2", "t0");
    // Unstandardised, the dimension measured in the larger unit decides alone.
    assertThat(rank(false, tracks, clip, new float[] {1, 1})).containsExactly("t1", "t2", "t0");
    assertThat(rank(false, tracks, clip, scale)).containsExactly("t2", "t0", "t1");
  }

  private static List<String> rank(boolean standardise, float[][] tracks, float[] clip, float[] scale) {
    VectorRanking r = ranking(standardise);
    for (int i = 0; i < tracks.length; i++) {
      r.add("t" + i, Path.of("t" + i), scaled(tracks[i], scale));
    }
    return r.rank(Path.of("clip"), scaled(clip, scale)).ids();
  }

  private static float[] scaled(float[] v, float[] scale) {
    float[] out = new float[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = v[j] * scale[j];
    }
    return out;
  }
}
