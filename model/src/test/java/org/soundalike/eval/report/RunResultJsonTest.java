package org.soundalike.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.json as docs/formats.md specifies it: written, read back, and rejected when malformed. */
class RunResultJsonTest {

  @TempDir Path dir;

  private final RunResult result = ReportFixtures.result(ReportFixtures.run("run-1", "demo", "G", 0.1, 1), 60, "2026-11-26T11:00:00Z");

  @Test
  void aResultSurvivesARoundTrip() {
    Path file = dir.resolve("a/b/results.json");
    RunResultJson.write(file, result);
    assertThat(RunResultJson.read(file)).isEqualTo(result);
  }

  @Test
  void aResultSurvivesARoundTripAsText() {
    assertThat(RunResultJson.fromJson(RunResultJson.toJson(result), "text")).isEqualTo(result);
    assertThatThrownBy(() -> RunResultJson.fromJson("[]", "stage output")).isInstanceOf(ReportException.class)
        .hasMessageStartingWith("stage output: not a valid results.json");
  }

  @Test
  void theFileHasTheDocumentedShape() throws Exception {
    Path file = dir.resolve("results.json");
    RunResultJson.write(file, result);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(names(json)).containsExactly("run", "evaluatedAt", "tracks", "queries", "metrics", "intervals", "perTag",
        "excludedTags", "tsne");
    assertThat(names(json.get("run"))).containsExactly("runId", "dataset", "catalogFingerprint", "config", "variant",
        "techniques", "alpha", "r", "labelFraction", "seed", "codeVersion", "epochs", "trainedAt");
    assertThat(names(json.get("metrics"))).containsExactlyElementsOf(RunResult.COLUMNS);
    assertThat(json.get("intervals").get("R@1").toString()).isEqualTo("[59.0,61.0]");
    assertThat(json.get("perTag").get("piano").toString()).isEqualTo("{\"ROC-AUC\":91.0,\"PR-AUC\":80.2,\"positives\":12}");
    assertThat(json.get("tsne").get(0).toString()).isEqualTo("{\"id\":\"t1\",\"x\":1.5,\"y\":-3.2,\"tags\":[\"piano\"]}");
    assertThat(json.get("run").get("labelFraction").asDouble()).isEqualTo(0.1);
  }

  @Test
  void unknownProvenanceFieldsAreKeptAndWrittenBack() throws Exception {
    Path file = dir.resolve("results.json");
    String text = RunResultJson.toJson(result)
        .replace("\"runId\" : \"run-1\",", "\"runId\" : \"run-1\", \"lambda\" : 0.05, \"optimizer\" : {\"lr\" : 0.001},");
    Files.writeString(file, text);
    RunResult read = RunResultJson.read(file);
    assertThat(read.run().extra()).containsOnlyKeys("lambda", "optimizer");
    assertThat(read.run().extra().get("optimizer").get("lr").asDouble()).isEqualTo(0.001);
    Path again = dir.resolve("again.json");
    RunResultJson.write(again, read);
    JsonNode run = new ObjectMapper().readTree(again.toFile()).get("run");
    assertThat(run.get("lambda").asDouble()).isEqualTo(0.05);
    assertThat(names(run)).doesNotContain("extra");
  }

  @Test
  void anUndefinedMetricIsNull() throws Exception {
    RunResult nan = ReportFixtures.result(result.run(), 1, 2, 3, 4, 5, 6, 7, 8, Double.NaN, Double.NaN);
    Path file = dir.resolve("results.json");
    RunResultJson.write(file, nan);
    assertThat(new ObjectMapper().readTree(file.toFile()).get("metrics").get("ROC-AUC").isNull()).isTrue();
    assertThat(RunResultJson.read(file).metric("ROC-AUC")).isNull();
  }

  @Test
  void malformedFilesAreErrorsNamingTheFileAndTheReason() throws Exception {
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"run\": {\"runId\": \"x\"");
    assertThatThrownBy(() -> RunResultJson.read(broken)).isInstanceOf(ReportException.class).hasMessageContaining(broken.toString());

    Path noVariant = dir.resolve("novariant.json");
    Files.writeString(noVariant, RunResultJson.toJson(result).replace("\"variant\" : \"G\",", ""));
    assertThatThrownBy(() -> RunResultJson.read(noVariant)).isInstanceOf(ReportException.class)
        .hasMessageContaining(noVariant.toString()).hasMessageContaining("variant");

    Path missingColumn = dir.resolve("missing.json");
    Files.writeString(missingColumn, RunResultJson.toJson(result).replace("\"M@7\" : 66.0,", ""));
    assertThatThrownBy(() -> RunResultJson.read(missingColumn)).isInstanceOf(ReportException.class)
        .hasMessageContaining(missingColumn.toString()).hasMessageContaining("metrics");

    Path badInterval = dir.resolve("interval.json");
    Files.writeString(badInterval, RunResultJson.toJson(result).replaceFirst("\\[ 59\\.0, 61\\.0 \\]", "[ 59.0 ]"));
    assertThatThrownBy(() -> RunResultJson.read(badInterval)).isInstanceOf(ReportException.class)
        .hasMessageContaining(badInterval.toString()).hasMessageContaining("interval");

    Path badFraction = dir.resolve("fraction.json");
    Files.writeString(badFraction, RunResultJson.toJson(result).replace("\"labelFraction\" : 0.1", "\"labelFraction\" : 10"));
    assertThatThrownBy(() -> RunResultJson.read(badFraction)).isInstanceOf(ReportException.class)
        .hasMessageContaining(badFraction.toString()).hasMessageContaining("labelFraction");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
