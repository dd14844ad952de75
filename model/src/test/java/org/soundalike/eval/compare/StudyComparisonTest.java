package org.soundalike.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.EmbeddedTrackJsonl;

class StudyComparisonTest {

  @TempDir Path dir;

  @Test
  void aModelWhoseEmbeddingsFollowTheTagsBeatsOneWhoseDoNot() throws IOException {
    for (long seed = 1; seed <= 3; seed++) {
      writeRun("A-s" + seed, "A", "", 0.01, seed, false);
      writeRun("G-s" + seed, "G", "c+p", 0.01, seed, true);
    }
    List<StudyComparison.Comparison> comparisons = new StudyComparison(new PairedBootstrap(500, 1, 0.95), 0.05)
        .compare(dir);
    assertThat(comparisons).hasSize(1);
    StudyComparison.Comparison c = comparisons.get(0);
    assertThat(c.model()).isEqualTo("G");
    assertThat(c.baseline()).isEqualTo("A");
    assertThat(c.seeds()).containsExactly(1L, 2L, 3L);
    assertThat(c.metrics()).hasSize(10);
    StudyComparison.Metric r1 = c.metrics().get("R@1");
    assertThat(r1.difference()).isGreaterThan(20);
    assertThat(r1.lower()).isPositive();
    assertThat(r1.significant()).isTrue();
    assertThat(r1.pHolm()).isGreaterThanOrEqualTo(r1.p());
    ComparisonFiles.write(dir.resolve("out"), comparisons, 0.95, 0.05);
    assertThat(Files.readString(dir.resolve("out/comparison.md"))).contains("| 1 % | G − A | 3 | 60 |");
    assertThat(Files.readAllLines(dir.resolve("out/comparison.csv"))).hasSize(11);
    assertThat(ComparisonFiles.read(dir.resolve("out"))).isEqualTo(comparisons);
  }

  @Test
  void runsEvaluatedOnDifferentTracksAreRefused() throws IOException {
    writeRun("A-s1", "A", "", 1, 1, false);
    writeRun("G-s1", "G", "c+p", 1, 1, true);
    Path other = dir.resolve("G-s1/tracks.jsonl");
    List<String> lines = Files.readAllLines(other);
    Files.write(other, lines.subList(0, lines.size() - 1));
    assertThatThrownBy(() -> new StudyComparison(new PairedBootstrap(10, 1, 0.95), 0.05).compare(dir))
        .hasMessageContaining("different tracks");
  }

  /** 60 test tracks, three tags; a good run embeds each track near its tag's axis, a bad one at random. */
  private void writeRun(String name, String variant, String techniques, double fraction, long seed, boolean good)
      throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    SplittableRandom random = new SplittableRandom(seed * 31 + (good ? 1 : 0));
    List<EmbeddedTrack> tracks = new ArrayList<>();
    String[] tags = {"x", "y", "z"};
    for (int i = 0; i < 60; i++) {
      int tag = i % 3;
      float[] e = new float[3];
      for (int d = 0; d < 3; d++) {
        e[d] = (float) (good ? (d == tag ? 1 : 0) + 0.3 * random.nextDouble() : random.nextDouble() + 0.01);
      }
      Map<String, Double> scores = Map.of("x", (double) e[0], "y", (double) e[1], "z", (double) e[2]);
      tracks.add(new EmbeddedTrack("t" + i, List.of(tags[tag]), e, scores));
    }
    EmbeddedTrackJsonl.write(folder.resolve("tracks.jsonl"), tracks);
    Files.writeString(folder.resolve("results.json"), String.format(java.util.Locale.ROOT,
        "{\"run\":{\"runId\":\"%s\",\"variant\":\"%s\",\"techniques\":\"%s\",\"alpha\":1.0,\"labelFraction\":%s,\"seed\":%d}}",
        name, variant, techniques, fraction, seed));
  }
}
