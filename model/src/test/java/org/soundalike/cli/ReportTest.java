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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.eval.report.RunResult;
import org.soundalike.eval.report.RunResultJson;
import org.soundalike.run.RunProvenance;

/** {@code soundalike report --results DIR}, end to end: the three files and their shapes. */
class ReportTest {

  private static final List<String> COLUMNS =
      List.of("R@1", "R@2", "R@4", "R@8", "M@1", "M@4", "M@7", "M@10", "ROC-AUC", "PR-AUC");

  @TempDir Path dir;

  private String out = "";
  private String err = "";

  private int run(String... args) {
    CliRun run = CliRun.of(args);
    out = run.out();
    err = run.err();
    return run.code();
  }

  private void result(String runId, String variant, double fraction, long seed, double value, String evaluatedAt) {
    RunProvenance run = new RunProvenance(runId, "demo", "fp", "compact", variant, "c+p", 1.0, 20.1, fraction, seed,
        "test", 10, "2026-11-26T10:00:00Z");
    Map<String, Double> metrics = new LinkedHashMap<>();
    COLUMNS.forEach(c -> metrics.put(c, value));
    RunResultJson.write(dir.resolve("results").resolve(runId + "-" + evaluatedAt.substring(11, 13)).resolve("results.json"),
        new RunResult(run, evaluatedAt, 60, 58, metrics, Map.of(), Map.of(), List.of(), List.of()));
  }

  private void corpus() {
    for (long seed = 1; seed <= 3; seed++) {
      result("G-1.0-" + seed, "G", 1.0, seed, 60 + seed, "2026-11-26T11:00:00Z");
      result("G-0.01-" + seed, "G", 0.01, seed, 50 + seed, "2026-11-26T11:00:00Z");
      result("A-1.0-" + seed, "A", 1.0, seed, 58 + seed, "2026-11-26T11:00:00Z");
      result("A-0.01-" + seed, "A", 0.01, seed, 40 + seed, "2026-11-26T11:00:00Z");
    }
    result("CLMR-1.0-1", "CLMR", 1.0, 1, 30, "2026-11-26T11:00:00Z");
    result("G-1.0-1", "G", 1.0, 1, 0, "2026-11-26T09:00:00Z");
  }

  @Test
  void writesTheReportJsonExactlyAsDocumented() throws Exception {
    corpus();
    Path results = dir.resolve("results");
    assertThat(run("report", "--results", results.toString())).as(err).isZero();
    assertThat(err).contains("run G-1.0-1 was evaluated more than once");

    JsonNode json = new ObjectMapper().readTree(results.resolve("report.json").toFile());
    assertThat(names(json)).containsExactly("generatedAt", "runs", "datasets", "duplicates", "warnings");
    assertThat(json.get("warnings")).isEmpty();
    assertThat(json.get("runs").asInt()).isEqualTo(13);
    assertThat(names(json.get("datasets"))).containsExactly("demo");
    JsonNode demo = json.get("datasets").get("demo");
    assertThat(names(demo)).containsExactly("table", "series");
    assertThat(names(demo.get("table"))).containsExactly("columns", "rows");
    assertThat(texts(demo.get("table").get("columns"))).containsExactlyElementsOf(COLUMNS);
    JsonNode first = demo.get("table").get("rows").get(0);
    assertThat(names(first)).containsSubsequence("name", "labelFraction", "seeds", "values", "best");
    assertThat(first.get("name").asText()).isEqualTo("A");
    assertThat(first.get("labelFraction").asDouble()).isEqualTo(1.0);
    assertThat(first.get("seeds").asInt()).isEqualTo(3);
    assertThat(names(first.get("values"))).containsExactlyElementsOf(COLUMNS);
    assertThat(first.get("values").get("R@1").asDouble()).isEqualTo(60);
    assertThat(texts(first.get("best"))).isEmpty();
    // G at 100 %: seeds 1 (newest evaluation, 61), 2, 3 -> mean 62, best everywhere.
    JsonNode g = demo.get("table").get("rows").get(2);
    assertThat(g.get("name").asText()).isEqualTo("G");
    assertThat(g.get("values").get("R@1").asDouble()).isEqualTo(62);
    assertThat(texts(g.get("best"))).containsExactlyElementsOf(COLUMNS);

    assertThat(names(demo.get("series"))).containsExactlyElementsOf(COLUMNS);
    JsonNode gSeries = demo.get("series").get("R@1").get("G");
    assertThat(gSeries).hasSize(2);
    JsonNode low = gSeries.get(0);
    assertThat(names(low)).containsExactly("fraction", "mean", "low", "high", "seeds");
    assertThat(low.get("fraction").asDouble()).isEqualTo(0.01);
    assertThat(low.get("mean").asDouble()).isEqualTo(52);
    assertThat(low.get("low").asDouble()).isEqualTo(51.05);
    assertThat(low.get("high").asDouble()).isEqualTo(52.95);
    assertThat(low.get("seeds").asInt()).isEqualTo(3);
    assertThat(gSeries.get(1).get("fraction").asDouble()).isEqualTo(1.0);
    JsonNode clmr = demo.get("series").get("R@1").get("CLMR").get(0);
    assertThat(clmr.get("low").asDouble()).isEqualTo(30);
    assertThat(clmr.get("high").asDouble()).isEqualTo(30);
    assertThat(json.get("duplicates").get(0).get("runId").asText()).isEqualTo("G-1.0-1");
  }

  @Test
  void writesTheMarkdownTablesAndTheCsv() throws Exception {
    corpus();
    Path results = dir.resolve("results");
    Path target = dir.resolve("report");
    assertThat(run("report", "--results", results.toString(), "--out", target.toString())).as(err).isZero();
    String md = Files.readString(target.resolve("report.md"));
    assertThat(md).contains("## demo", "### 100 % labels", "### 1 % labels",
        "| Model | Seeds | R@1 | R@2 | R@4 | R@8 | M@1 | M@4 | M@7 | M@10 | ROC-AUC | PR-AUC |",
        "| A (supervised only, inception-style) | 3 | 60.0 |",
        "| CLMR (pre-trained, frozen) | 1 | 30.0 |",
        "| G | 3 | **62.0** | **62.0** |",
        "| G | 3 | **52.0** |");
    List<String> csv = Files.readAllLines(target.resolve("report.csv"));
    assertThat(csv.get(0)).startsWith("dataset,variant,labelFraction,seeds,R@1 mean,R@1 low,R@1 high,R@2 mean");
    assertThat(csv).hasSize(1 + 5);
    assertThat(csv).contains("demo,A,0.01,3," + String.join(",", repeat("42.0,41.05,42.95", 10)));
  }

  @Test
  void aMalformedResultsFileIsAnErrorNamingIt() throws Exception {
    corpus();
    Path bad = dir.resolve("results/broken/results.json");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "{ not json");
    assertThat(run("report", "--results", dir.resolve("results").toString())).isEqualTo(1);
    assertThat(err).contains(bad.toString());
    assertThat(dir.resolve("results/report.json")).doesNotExist();
  }

  @Test
  void aFolderWithoutResultsIsAnError() {
    assertThat(run("report", "--results", dir.toString())).isEqualTo(1);
    assertThat(err).contains("no results.json under " + dir);
  }

  private static List<String> repeat(String value, int times) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      values.add(value);
    }
    return values;
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
