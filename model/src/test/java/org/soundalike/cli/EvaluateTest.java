package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.eval.EvaluationResult;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.eval.MetricsEvaluator;

/** {@code soundalike evaluate --embeddings --run-info --out}, end to end. */
class EvaluateTest {

  private static final String RUN_INFO = """
      {"runId": "demo-G-0.1-s1", "dataset": "demo", "catalogFingerprint": "abc", "config": "compact",
       "variant": "G", "techniques": "c+p", "alpha": 1.0, "r": 20.1, "labelFraction": 0.1, "seed": 1,
       "codeVersion": "0.1.0+abc", "epochs": 23, "trainedAt": "2026-11-26T10:00:00Z", "checkpoint": "runs/g/model.bin"}
      """;

  @TempDir Path dir;

  private String out = "";
  private String err = "";

  private int run(String... args) {
    CliRun run = CliRun.of(args);
    out = run.out();
    err = run.err();
    return run.code();
  }

  /** Two clusters of 15 tracks in 6-d; tag "x" or "y" by cluster, one untagged track; noisy scores. */
  private static List<EmbeddedTrack> tracks() {
    Random random = new Random(11);
    List<EmbeddedTrack> tracks = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      boolean x = i < 15;
      float[] v = new float[6];
      double norm = 0;
      for (int k = 0; k < 6; k++) {
        v[k] = (float) ((k == (x ? 0 : 1) ? 1 : 0) + 0.2 * random.nextGaussian());
        norm += v[k] * v[k];
      }
      for (int k = 0; k < 6; k++) {
        v[k] /= (float) Math.sqrt(norm);
      }
      Map<String, Double> scores = new LinkedHashMap<>();
      scores.put("x", (x ? 0.4 : 0) + 0.6 * random.nextDouble());
      scores.put("y", (x ? 0 : 0.4) + 0.6 * random.nextDouble());
      List<String> tags = i == 29 ? List.of() : List.of(x ? "x" : "y");
      tracks.add(new EmbeddedTrack("t" + i, tags, v, scores));
    }
    return tracks;
  }

  @Test
  void writesResultsWithTheMetricsAndTheProvenance() throws Exception {
    Path embeddings = dir.resolve("tracks.jsonl");
    EmbeddedTrackJsonl.write(embeddings, tracks());
    Path runInfo = dir.resolve("run.json");
    Files.writeString(runInfo, RUN_INFO);
    Path results = dir.resolve("out/results.json");
    assertThat(run("evaluate", "--embeddings", embeddings.toString(), "--run-info", runInfo.toString(),
        "--out", results.toString())).as(err).isZero();

    JsonNode json = new ObjectMapper().readTree(results.toFile());
    EvaluationResult expected = MetricsEvaluator.withDefaults().evaluate(EvaluationSet.of(EmbeddedTrackJsonl.read(embeddings)));
    assertThat(json.get("run").get("runId").asText()).isEqualTo("demo-G-0.1-s1");
    assertThat(json.get("run").get("checkpoint").asText()).isEqualTo("runs/g/model.bin");
    assertThat(json.get("tracks").asInt()).isEqualTo(30);
    assertThat(json.get("queries").asInt()).isEqualTo(29);
    expected.table().forEach((name, value) -> assertThat(json.get("metrics").get(name).asDouble()).as(name).isEqualTo(value));
    assertThat(json.get("intervals").get("R@1")).hasSize(2);
    assertThat(json.get("perTag").get("x").get("positives").asInt()).isEqualTo(15);
    assertThat(json.get("tsne")).hasSize(30);
    assertThat(json.get("tsne").get(29).get("tags")).isEmpty();
    assertThat(out).contains("demo-G-0.1-s1").contains(results.toString());

    // The report reads what evaluate wrote.
    assertThat(run("report", "--results", dir.resolve("out").toString())).as(err).isZero();
    assertThat(Files.readString(dir.resolve("out/report.md"))).contains("### 10 % labels", "| G | 1 |");
  }

  @Test
  void aRunInfoWithoutAVariantIsAnErrorNamingTheFile() throws Exception {
    Path embeddings = dir.resolve("tracks.jsonl");
    EmbeddedTrackJsonl.write(embeddings, tracks());
    Path runInfo = dir.resolve("run.json");
    Files.writeString(runInfo, RUN_INFO.replace("\"variant\": \"G\",", ""));
    Path results = dir.resolve("results.json");
    assertThat(run("evaluate", "--embeddings", embeddings.toString(), "--run-info", runInfo.toString(),
        "--out", results.toString())).isEqualTo(1);
    assertThat(err).contains(runInfo.toString()).contains("variant");
    assertThat(results).doesNotExist();
  }
}
