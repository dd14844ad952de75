package org.soundalike.ui.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.eval.report.CollectedRuns;
import org.soundalike.eval.report.ReportBuilder;
import org.soundalike.eval.report.ReportFiles;
import org.soundalike.eval.report.RunResult;
import org.soundalike.eval.report.RunResultJson;
import org.soundalike.run.RunProvenance;
import org.soundalike.eval.report.ExperimentReport;

/**
 * The dashboard reads the report.json that the project's own report writer produces (not only a
 * hand-written one): results.json of variants A and G at two label fractions, three seeds each.
 */
class ReportFromEvaluationsTest {

  @TempDir Path dir;

  @Test
  void theWrittenReportIsChartedAndTabulatedPerFraction() {
    for (String variant : List.of("A", "G")) {
      for (double fraction : List.of(0.01, 1.0)) {
        for (int seed = 1; seed <= 3; seed++) {
          String runId = variant + "-" + fraction + "-" + seed;
          RunProvenance run = new RunProvenance(runId, "demo", "f00d", "compact", variant,
              variant.equals("A") ? "none" : "c+p", 1.0, 20.0, fraction, seed, "abc", 10, "2026-11-26T10:00:00Z");
          Map<String, Double> metrics = new LinkedHashMap<>();
          // G leads A by 10 points at 1 % labels and by 2 at 100 %; seeds differ by one point.
          double base = (variant.equals("G") ? (fraction < 0.5 ? 10 : 2) : 0) + 50 + seed;
          RunResult.COLUMNS.forEach(c -> metrics.put(c, base));
          RunResultJson.write(dir.resolve("runs").resolve(runId).resolve("results.json"),
              new RunResult(run, null, 20, 20, metrics, null, null, null, null));
        }
      }
    }
    ReportFiles.write(ReportBuilder.build(CollectedRuns.collect(dir), dir, Instant.now()), dir);

    ResultsService service = new ResultsService(Optional.of(dir));
    ExperimentReport report = service.report().orElseThrow();
    assertThat(report.runs()).isEqualTo(12);
    assertThat(service.datasets(report)).containsExactly("demo");
    assertThat(service.metrics(report, "demo")).containsExactlyElementsOf(RunResult.COLUMNS);
    Map<String, List<ExperimentReport.SeriesPoint>> series = report.datasets().get("demo").series().get("R@1");
    assertThat(series.keySet()).containsExactlyInAnyOrder("A", "G");
    assertThat(series.get("G")).extracting(ExperimentReport.SeriesPoint::fraction).containsExactly(0.01, 1.0);
    assertThat(series.get("G").get(0).mean()).isEqualTo(62.0);
    assertThat(service.gap(report, "demo", "R@1").orElseThrow().at())
        .extracting(Gap.At::difference).containsExactly(10.0, 2.0);

    List<ExperimentReport.Row> rows = service.table(report, "demo").rows();
    assertThat(rows).extracting(ExperimentReport.Row::name, ExperimentReport.Row::labelFraction)
        .containsExactly(tuple("A", 1.0), tuple("G", 1.0),
            tuple("A", 0.01), tuple("G", 0.01));
    assertThat(rows).filteredOn(r -> r.name().equals("G")).allSatisfy(r -> assertThat(r.best()).containsAll(RunResult.COLUMNS));
    assertThat(rows).filteredOn(r -> r.name().equals("A")).allSatisfy(r -> assertThat(r.best()).isEmpty());
  }
}
