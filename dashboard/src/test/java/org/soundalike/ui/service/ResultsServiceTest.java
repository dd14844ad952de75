package org.soundalike.ui.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.eval.compare.ComparisonFiles;
import org.soundalike.eval.compare.StudyComparison;
import org.soundalike.eval.report.ExperimentReport;

class ResultsServiceTest {

  @TempDir Path dir;

  @Test
  void withoutAReportTheEmptyMessageSaysWhatToRun() {
    ResultsService service = new ResultsService(Optional.of(dir));
    assertThat(service.report()).isEmpty();
    assertThat(service.emptyMessage()).contains(dir.resolve("report.json").toString(), "soundalike report --results");
    assertThat(new ResultsService(Optional.empty()).emptyMessage()).contains("--results DIR");
  }

  @Test
  void aBrokenReportNamesTheFile() throws Exception {
    Files.writeString(dir.resolve("report.json"), "{ not json");
    assertThatThrownBy(() -> new ResultsService(Optional.of(dir)).report())
        .isInstanceOf(ResultsFileException.class).hasMessageContaining(dir.resolve("report.json").toString());
  }

  @Test
  void theGapIsTheLeaderAtTheScarcestFractionMinusA() throws Exception {
    ReportFixture.write(dir);
    ResultsService service = new ResultsService(Optional.of(dir));
    ExperimentReport report = service.report().orElseThrow();
    Gap gap = service.gap(report, "demo", "R@1").orElseThrow();
    assertThat(gap.variant()).isEqualTo("G");
    assertThat(gap.baseline()).isEqualTo("A");
    assertThat(gap.at()).hasSize(ReportFixture.FRACTIONS.size());
    Gap.At scarcest = gap.at().get(0);
    assertThat(scarcest.fraction()).isEqualTo(0.01);
    assertThat(scarcest.difference())
        .isCloseTo(ReportFixture.mean("G", 0, 0.01) - ReportFixture.mean("A", 0, 0.01), offset(1e-9));
    assertThat(MetricChartFactory.describe(gap)).startsWith("G − A: +8.9 at 1 %");
  }

  @Test
  void withComparisonJsonTheGapCarriesPairedIntervalsAndMarksTheSignificantOnes() throws Exception {
    ReportFixture.write(dir);
    StudyComparison.Metric significant = new StudyComparison.Metric(8.9, 2.0, 15.3, 0.2, 0.05, 0.35, 0.002, 0.02, true);
    StudyComparison.Metric notSignificant = new StudyComparison.Metric(1.0, -3.0, 4.5, 0.02, -0.05, 0.1, 0.4, 1.0, false);
    ComparisonFiles.write(dir, List.of(
        new StudyComparison.Comparison(0.01, "G", "A", List.of(1L, 2L, 3L), 150, Map.of("R@1", significant)),
        new StudyComparison.Comparison(1.0, "G", "A", List.of(1L, 2L, 3L), 150, Map.of("R@1", notSignificant))),
        0.95, 0.05);
    ResultsService service = new ResultsService(Optional.of(dir));
    Gap gap = service.gap(service.report().orElseThrow(), "demo", "R@1").orElseThrow();
    assertThat(gap.at().get(0).paired()).contains(new Gap.Paired(2.0, 15.3, true));
    String described = MetricChartFactory.describe(gap);
    assertThat(described).startsWith("G − A: +8.9 [+2.0, +15.3]* at 1 %")
        .contains("[-3.0, +4.5] at 100 %").endsWith("* significant after Holm's correction)");
    // A metric compare has not written keeps the plain difference.
    assertThat(service.gap(service.report().orElseThrow(), "demo", "PR-AUC").orElseThrow().at())
        .allMatch(at -> at.paired().isEmpty());
  }

  @Test
  void metricsFollowTheTableColumnsAndTheChartHasThreeDatasetsPerVariant() throws Exception {
    ReportFixture.write(dir);
    ResultsService service = new ResultsService(Optional.of(dir));
    ExperimentReport report = service.report().orElseThrow();
    assertThat(service.metrics(report, "demo")).containsExactlyElementsOf(ReportFixture.COLUMNS);
    ObjectNode chart = service.chart(report, "demo", "PR-AUC");
    assertThat(chart.path("data").path("datasets")).hasSize(3 * ReportFixture.VARIANTS.size());
    assertThat(chart.path("options").path("scales").path("x").path("type").asText()).isEqualTo("logarithmic");
    assertThatThrownBy(() -> service.table(report, "jamendo")).hasMessageContaining("no dataset 'jamendo'");
  }
}
