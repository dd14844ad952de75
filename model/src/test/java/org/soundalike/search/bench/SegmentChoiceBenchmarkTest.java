package org.soundalike.search.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soundalike.audio.AudioSpec;
import org.soundalike.encode.ExcerptEmbeddings;
import org.soundalike.encode.SegmentWindows;

/** Clips that are exact stretches of their tracks: segments find them and where; the track mean can be fooled. */
class SegmentChoiceBenchmarkTest {

  /** Track t: excerpts along axis t, except excerpts 4..5, which sound like track (t + 1) mod 3. */
  private static float[][] track(int t) {
    float[][] rows = new float[8][3];
    for (int e = 0; e < rows.length; e++) {
      rows[e][e == 4 || e == 5 ? (t + 1) % 3 : t] = 1;
      rows[e][(t + 2) % 3] = 0.1f * e;
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  @Test
  void aClipOfExactExcerptsIsFoundFirstAtItsOffset() {
    List<SegmentChoiceBenchmark.Sample> samples = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      float[][] rows = track(t);
      // The clip is excerpts 2..5 of the track: it starts 2 excerpts in.
      float[][] clip = Arrays.copyOfRange(rows, 2, 6);
      samples.add(new SegmentChoiceBenchmark.Sample("t" + t, new ExcerptEmbeddings(rows, new float[8][1]),
          new ExcerptEmbeddings(clip, new float[4][1]), 2 * AudioSpec.excerptSeconds()));
    }

    Map<String, Object> out = SegmentChoiceBenchmark.run(samples, List.of(new SegmentWindows(2, 1)));

    Map<String, Object> meanBest = (Map<String, Object>) ((Map<String, Object>) out.get("2x1")).get("mean-best");
    assertThat(meanBest.get("hit@1")).isEqualTo(1.0);
    assertThat(meanBest.get("MRR")).isEqualTo(1.0);
    assertThat((Double) meanBest.get("atErrorMedianSeconds")).isCloseTo(0, within(1e-3));
    assertThat(meanBest.get("atWithin5s")).isEqualTo(1.0);
  }

  @Test
  void percentilesInterpolateBetweenOrderStatistics() {
    double[] sorted = {1, 2, 3, 4};
    assertThat(SegmentChoiceBenchmark.percentile(sorted, 0.5)).isEqualTo(2.5);
    assertThat(SegmentChoiceBenchmark.percentile(sorted, 0.9)).isCloseTo(3.7, within(1e-12));
    assertThat(SegmentChoiceBenchmark.percentile(new double[0], 0.5)).isNaN();
  }
}
