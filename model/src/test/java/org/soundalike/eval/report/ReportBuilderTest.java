package org.soundalike.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.soundalike.eval.report.ReportFixtures.result;
import static org.soundalike.eval.report.ReportFixtures.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.soundalike.run.RunProvenance;

/** Runs become the paper's table and series: grouping, aggregation over seeds, best per column. */
class ReportBuilderTest {

  private static final Path ROOT = Path.of("/results");
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final List<CollectedRuns.Run> runs = new ArrayList<>();

  private void add(RunResult result) {
    runs.add(new CollectedRuns.Run(ROOT.resolve(result.run().runId()).resolve("results.json"), result));
  }

  private ExperimentReport build() {
    return ReportBuilder.build(CollectedRuns.of(runs), ROOT, NOW);
  }

  private static double[] all(double value) {
    return IntStream.range(0, 10).mapToDouble(i -> value).toArray();
  }

  private static ExperimentReport.Row row(ExperimentReport report, String dataset, String name, double fraction) {
    return report.datasets().get(dataset).table().rows().stream()
        .filter(r -> r.name().equals(name) && r.labelFraction() == fraction)
        .findFirst().orElseThrow();
  }

  @Test
  void seedsOfAVariantAtAFractionAggregate() {
    add(result(run("g1", "demo", "G", 0.1, 1), all(57)));
    add(result(run("g2", "demo", "G", 0.1, 2), all(50)));
    add(result(run("g3", "demo", "G", 0.1, 3), all(52)));
    add(result(run("a1", "demo", "A", 0.1, 1), all(44)));
    add(result(run("a2", "demo", "A", 0.1, 2), all(40)));
    ExperimentReport report = build();

    assertThat(report.runs()).isEqualTo(5);
    ExperimentReport.Row g = row(report, "demo", "G", 0.1);
    assertThat(g.seeds()).isEqualTo(3);
    assertThat(g.values().get("R@1")).isCloseTo(53, within(1e-12));
    assertThat(g.intervals().get("R@1").lower()).isCloseTo(50.1, within(1e-12));
    assertThat(g.intervals().get("R@1").upper()).isCloseTo(56.75, within(1e-12));
    ExperimentReport.Row a = row(report, "demo", "A", 0.1);
    assertThat(a.seeds()).isEqualTo(2);
    assertThat(a.values().get("PR-AUC")).isEqualTo(42);
    assertThat(a.intervals().get("PR-AUC").lower()).isEqualTo(40);
    assertThat(a.intervals().get("PR-AUC").upper()).isEqualTo(44);

    List<ExperimentReport.SeriesPoint> gSeries = report.datasets().get("demo").series().get("M@10").get("G");
    assertThat(gSeries).hasSize(1);
    ExperimentReport.SeriesPoint point = gSeries.get(0);
    assertThat(point.fraction()).isEqualTo(0.1);
    assertThat(point.mean()).isCloseTo(53, within(1e-12));
    assertThat(point.low()).isCloseTo(50.1, within(1e-12));
    assertThat(point.high()).isCloseTo(56.75, within(1e-12));
    assertThat(point.seeds()).isEqualTo(3);
  }

  @Test
  void bestPerColumnAndFractionWithTiesAsPrinted() {
    // Columns: R@1 G best; R@2 tie as printed (61.24 and 61.2); R@4 exact tie; R@8 A best; the rest CLMR best.
    add(result(run("a", "demo", "A", 1.0, 1), 50, 61.2, 70, 90, 1, 1, 1, 1, 1, 1));
    add(result(run("c", "demo", "CLMR", 1.0, 1), 40, 30, 20, 10, 9, 9, 9, 9, 9, 9));
    add(result(run("g", "demo", "G", 1.0, 1), 60, 61.24, 70, 80, 2, 2, 2, 2, 2, 2));
    // At 1 % labels, A is best everywhere: bests are per fraction.
    add(result(run("a01", "demo", "A", 0.01, 1), all(30)));
    add(result(run("g01", "demo", "G", 0.01, 1), all(20)));
    ExperimentReport report = build();

    assertThat(row(report, "demo", "G", 1.0).best()).containsExactly("R@1", "R@2", "R@4");
    assertThat(row(report, "demo", "A", 1.0).best()).containsExactly("R@2", "R@4", "R@8");
    assertThat(row(report, "demo", "CLMR", 1.0).best()).containsExactly("M@1", "M@4", "M@7", "M@10", "ROC-AUC", "PR-AUC");
    assertThat(row(report, "demo", "A", 0.01).best()).containsExactlyElementsOf(RunResult.COLUMNS);
    assertThat(row(report, "demo", "G", 0.01).best()).isEmpty();

    String md = ReportFiles.markdown(report);
    assertThat(md).contains("| A (supervised only, inception-style) | 1 | 50.0 | **61.2** | **70.0** | **90.0** | 1.0 |");
    assertThat(md).contains("| G | 1 | **60.0** | **61.2** | **70.0** | 80.0 | 2.0 |");
    assertThat(md.indexOf("### 100 % labels")).isLessThan(md.indexOf("### 1 % labels"));
  }

  @Test
  void rowsListTheBaselinesFirstAndFractionsFromFullLabelsDown() {
    add(result(run("g", "demo", "G", 1.0, 1), all(60)));
    add(result(run("b", "demo", "B", 1.0, 1), all(55)));
    add(result(run("c", "demo", "CLMR", 1.0, 1), all(50)));
    add(result(run("a", "demo", "A", 1.0, 1), all(45)));
    add(result(run("g10", "demo", "G", 0.1, 1), all(40)));
    add(result(run("a10", "demo", "A", 0.1, 1), all(30)));
    ExperimentReport report = build();
    assertThat(report.datasets().get("demo").table().rows())
        .extracting(r -> r.name() + "@" + r.labelFraction())
        .containsExactly("A@1.0", "CLMR@1.0", "B@1.0", "G@1.0", "A@0.1", "G@0.1");
  }

  @Test
  void seriesPointsAreSortedByFraction() {
    for (double fraction : new double[] {0.1, 1.0, 0.01, 0.05}) {
      add(result(run("g" + fraction, "demo", "G", fraction, 1), all(100 * fraction)));
    }
    ExperimentReport report = build();
    assertThat(report.datasets().get("demo").series()).containsOnlyKeys(RunResult.COLUMNS);
    assertThat(report.datasets().get("demo").series().get("R@4").get("G"))
        .extracting(ExperimentReport.SeriesPoint::fraction)
        .containsExactly(0.01, 0.05, 0.1, 1.0);
  }

  @Test
  void datasetsAreReportedSeparately() {
    add(result(run("d1", "demo", "G", 1.0, 1), all(60)));
    add(result(run("d2", "demo", "G", 1.0, 2), all(62)));
    add(result(run("m1", "mtat", "G", 1.0, 1), all(30)));
    ExperimentReport report = build();
    assertThat(report.datasets()).containsOnlyKeys("demo", "mtat");
    assertThat(row(report, "demo", "G", 1.0).values().get("R@1")).isEqualTo(61);
    assertThat(row(report, "demo", "G", 1.0).seeds()).isEqualTo(2);
    assertThat(row(report, "mtat", "G", 1.0).values().get("R@1")).isEqualTo(30);
    assertThat(row(report, "mtat", "G", 1.0).seeds()).isEqualTo(1);
  }

  @Test
  void aRunEvaluatedTwiceCountsOnceWithItsNewestEvaluation() {
    RunProvenance g = run("g1", "demo", "G", 1.0, 1);
    runs.add(new CollectedRuns.Run(ROOT.resolve("old/results.json"), ReportFixtures.result(g, 10, "2026-11-26T09:00:00Z")));
    runs.add(new CollectedRuns.Run(ROOT.resolve("new/results.json"), ReportFixtures.result(g, 70, "2026-11-26T11:00:00Z")));
    runs.add(new CollectedRuns.Run(ROOT.resolve("mid/results.json"), ReportFixtures.result(g, 40, "2026-11-26T10:00:00Z")));
    ExperimentReport report = build();
    assertThat(report.runs()).isEqualTo(1);
    assertThat(row(report, "demo", "G", 1.0).values().get("R@1")).isEqualTo(70);
    assertThat(row(report, "demo", "G", 1.0).seeds()).isEqualTo(1);
    assertThat(report.duplicates()).containsExactly(
        new ExperimentReport.Duplicate("g1", "new/results.json", List.of("mid/results.json", "old/results.json")));
    assertThat(ReportFiles.markdown(report)).contains("`g1`: counted new/results.json; ignored mid/results.json, old/results.json");
  }

  @Test
  void anUndefinedMetricIsLeftOutOfItsMeanAndPrintedAsADash() {
    add(result(run("g1", "demo", "G", 1.0, 1), 1, 2, 3, 4, 5, 6, 7, 8, Double.NaN, Double.NaN));
    add(result(run("g2", "demo", "G", 1.0, 2), 1, 2, 3, 4, 5, 6, 7, 8, 80, Double.NaN));
    ExperimentReport report = build();
    ExperimentReport.Row g = row(report, "demo", "G", 1.0);
    assertThat(g.values().get("ROC-AUC")).isEqualTo(80);
    assertThat(g.values().get("PR-AUC")).isNull();
    assertThat(g.best()).doesNotContain("PR-AUC");
    assertThat(report.datasets().get("demo").series().get("ROC-AUC").get("G").get(0).seeds()).isEqualTo(1);
    assertThat(report.datasets().get("demo").series().get("PR-AUC")).isEmpty();
    assertThat(ReportFiles.markdown(report)).contains("| **8.0** | **80.0** | – |");
  }

  @Test
  void runsThatMayNotBelongTogetherAreAggregatedWithAWarning() {
    add(result(run("g1", "demo", "G", 0.1, 1), all(50)));
    RunProvenance tiny = new RunProvenance("g2", "demo", "fp-demo", "tiny", "G", "c+p", 1.0, 20.1, 0.1, 1, "t", 5, null);
    add(result(tiny, all(60)));
    add(result(run("a1", "demo", "A", 0.1, 1), all(40)));
    ExperimentReport report = build();
    assertThat(row(report, "demo", "G", 0.1).seeds()).isEqualTo(2);
    assertThat(report.warnings()).containsExactly(
        "demo G at 10 % labels: runs differ in config [compact, tiny] but are aggregated together",
        "demo G at 10 % labels: seed 1 appears in 2 runs [g1, g2], each counted as a seed");
    assertThat(ReportFiles.markdown(report)).contains("## Warnings", "- demo G at 10 % labels: seed 1 appears");
  }
}
