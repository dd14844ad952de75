package org.soundalike.ui.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.soundalike.eval.compare.ComparisonFiles;
import org.soundalike.eval.compare.StudyComparison;
import org.soundalike.eval.report.ExperimentReport;
import org.soundalike.run.RunProvenance;

/**
 * What the Results view shows, from the report.json of a results folder. The file is read on each
 * call, so a page reload shows a report written while the dashboard runs.
 */
public final class ResultsService {

  /** The supervised-only variant the paper compares its best variant with. */
  public static final String BASELINE = RunProvenance.SUPERVISED_ONLY;

  private final Optional<Path> resultsDir;

  /** @param resultsDir the folder {@code soundalike report} wrote into; empty when none was given */
  public ResultsService(Optional<Path> resultsDir) {
    this.resultsDir = resultsDir.map(p -> p.toAbsolutePath().normalize());
  }

  public Optional<Path> resultsDir() {
    return resultsDir;
  }

  /** @throws ResultsFileException when report.json exists but cannot be read */
  public Optional<ExperimentReport> report() {
    return resultsDir.flatMap(ReportFile::read);
  }

  /** Why there is nothing to show, for the empty state. */
  public String emptyMessage() {
    return resultsDir
        .map(dir -> "No results yet: " + dir.resolve(ReportFile.NAME) + " does not exist. Evaluate runs, "
            + "then write the report with 'soundalike report --results " + dir + "'.")
        .orElse("No results folder given: start the dashboard with --results DIR (the folder "
            + "'soundalike report' writes report.json into).");
  }

  public List<String> datasets(ExperimentReport report) {
    return List.copyOf(new TreeMap<>(report.datasets()).keySet());
  }

  /** The table's columns first (the paper's order), then any metric that only has a series. */
  public List<String> metrics(ExperimentReport report, String dataset) {
    ExperimentReport.DatasetReport data = dataset(report, dataset);
    Set<String> metrics = new LinkedHashSet<>(data.table().columns());
    metrics.addAll(data.series().keySet());
    return List.copyOf(metrics);
  }

  public ExperimentReport.Table table(ExperimentReport report, String dataset) {
    return dataset(report, dataset).table();
  }

  public ObjectNode chart(ExperimentReport report, String dataset, String metric) {
    Map<String, List<ExperimentReport.SeriesPoint>> series =
        new TreeMap<>(dataset(report, dataset).series().getOrDefault(metric, Map.of()));
    return MetricChartFactory.lineChart(dataset, metric, series, gap(report, dataset, metric));
  }

  /**
   * The gap between the baseline A and the variant that leads at the scarcest label fraction both
   * were run at; empty without A or without another variant.
   */
  public Optional<Gap> gap(ExperimentReport report, String dataset, String metric) {
    Map<String, List<ExperimentReport.SeriesPoint>> series =
        dataset(report, dataset).series().getOrDefault(metric, Map.of());
    List<ExperimentReport.SeriesPoint> baseline = series.get(BASELINE);
    if (baseline == null || baseline.isEmpty()) {
      return Optional.empty();
    }
    String leader = null;
    double leaderMean = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, List<ExperimentReport.SeriesPoint>> entry : new TreeMap<>(series).entrySet()) {
      if (entry.getKey().equals(BASELINE)) {
        continue;
      }
      Optional<ExperimentReport.SeriesPoint> scarcest = entry.getValue().stream()
          .filter(p -> at(baseline, p.fraction()).isPresent())
          .min((a, b) -> Double.compare(a.fraction(), b.fraction()));
      if (scarcest.isPresent() && scarcest.get().mean() > leaderMean) {
        leader = entry.getKey();
        leaderMean = scarcest.get().mean();
      }
    }
    if (leader == null) {
      return Optional.empty();
    }
    List<StudyComparison.Comparison> comparisons = comparisons();
    List<Gap.At> at = new ArrayList<>();
    String variant = leader;
    for (ExperimentReport.SeriesPoint point : series.get(leader)) {
      at(baseline, point.fraction()).ifPresent(b -> at.add(new Gap.At(point.fraction(), point.mean() - b.mean(),
          paired(comparisons, variant, point.fraction(), metric))));
    }
    return Optional.of(new Gap(metric, leader, BASELINE, at));
  }

  /** comparison.json beside report.json ({@code soundalike compare}); empty when there is none. */
  private List<StudyComparison.Comparison> comparisons() {
    if (resultsDir.isEmpty()) {
      return List.of();
    }
    try {
      return ComparisonFiles.read(resultsDir.get());
    } catch (IOException e) {
      throw new ResultsFileException(resultsDir.get().resolve("comparison.json") + ": " + e.getMessage(), e);
    }
  }

  private static Optional<Gap.Paired> paired(List<StudyComparison.Comparison> comparisons, String variant,
      double fraction, String metric) {
    return comparisons.stream()
        .filter(c -> c.model().equals(variant) && c.baseline().equals(BASELINE)
            && Math.abs(c.labelFraction() - fraction) < 1e-9 && c.metrics().containsKey(metric))
        .findFirst()
        .map(c -> c.metrics().get(metric))
        .map(m -> new Gap.Paired(m.lower(), m.upper(), m.significant()));
  }

  private static Optional<ExperimentReport.SeriesPoint> at(List<ExperimentReport.SeriesPoint> series, double fraction) {
    return series.stream().filter(p -> Math.abs(p.fraction() - fraction) < 1e-9).findFirst();
  }

  private static ExperimentReport.DatasetReport dataset(ExperimentReport report, String dataset) {
    ExperimentReport.DatasetReport data = report.datasets().get(dataset);
    if (data == null) {
      throw new IllegalArgumentException("report has no dataset '" + dataset + "'; it has "
          + report.datasets().keySet());
    }
    return data;
  }
}
