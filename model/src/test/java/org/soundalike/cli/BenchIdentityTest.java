package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.AudioWriter;

/** {@code soundalike bench identity} with a tiny trained run on a catalog of clearly different tones. */
class BenchIdentityTest {

  @TempDir static Path dir;
  static TinyTrainedRun tiny;
  static Path catalog;

  @BeforeAll
  static void fixtures() throws Exception {
    tiny = TinyTrainedRun.create(dir.resolve("tiny"));
    catalog = dir.resolve("catalog");
    List<String> rows = new ArrayList<>(List.of("path,split,tags"));
    double[] hertz = {220, 440, 880, 1760, 3520, 330};
    for (int i = 0; i < hertz.length; i++) {
      String collection = i < 3 ? "low" : "high";
      String path = collection + "/t" + i + ".wav";
      tone(catalog.resolve(path), hertz[i], 8.0);
      rows.add(path + "," + (i % 3 == 0 ? "test" : "train") + ",collection:" + collection);
    }
    Files.write(catalog.resolve("tracks.csv"), rows);
  }

  private static void tone(Path file, double hertz, double seconds) throws Exception {
    Files.createDirectories(file.getParent());
    float[] audio = new float[(int) (seconds * AudioSpec.SAMPLE_RATE)];
    for (int n = 0; n < audio.length; n++) {
      audio[n] = (float) (0.4 * Math.sin(2 * Math.PI * hertz * n / AudioSpec.SAMPLE_RATE));
    }
    AudioWriter.write(file, AudioSpec.SAMPLE_RATE, audio);
  }

  @Test
  void reportsTheModelBesideTheMfccBaselineWithEveryQuerysOffset() throws Exception {
    Path out = dir.resolve("identity.json");
    CliRun run = CliRun.of("bench", "identity", "--run", tiny.run().toString(), "--catalog", catalog.toString(),
        "--seconds", "3", "--seed", "4", "--out", out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("| ranking | queries | hit@1 |").contains("| model | 2 |").contains("| mfcc | 2 |");
    JsonNode report = new ObjectMapper().readTree(out.toFile());
    assertThat(report.get("catalogTracks").asInt()).isEqualTo(6);
    assertThat(report.get("rankings")).extracting(r -> r.get("ranking").asText()).containsExactly("model", "mfcc");
    // Pure tones of different pitch: the MFCC summary cannot miss.
    assertThat(report.get("rankings").get(1).get("hitAt1").asDouble()).isEqualTo(1.0);
    JsonNode queries = report.get("queries");
    assertThat(queries).extracting(q -> q.get("track").asText()).containsExactly("low/t0", "high/t3");
    for (JsonNode q : queries) {
      assertThat(q.get("offsetSeconds").asDouble()).isBetween(0.0, 8.0 - 3.0);
      assertThat(q.get("results").get("model").get("rank").asInt()).isBetween(1, 6);
      assertThat(q.get("results").get("mfcc").get("top")).hasSize(6);
    }

    CliRun again = CliRun.of("bench", "identity", "--catalog", catalog.toString(), "--seconds", "3", "--seed", "4",
        "--out", dir.resolve("again.json").toString());
    JsonNode second = new ObjectMapper().readTree(dir.resolve("again.json").toFile());
    assertThat(again.code()).isZero();
    assertThat(second.get("queries").get(0).get("offsetSeconds")).isEqualTo(queries.get(0).get("offsetSeconds"));
    assertThat(second.get("rankings")).extracting(r -> r.get("ranking").asText()).containsExactly("mfcc");
  }
}
