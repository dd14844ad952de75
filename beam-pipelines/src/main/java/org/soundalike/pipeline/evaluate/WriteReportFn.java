package org.soundalike.pipeline.evaluate;

import java.nio.file.Path;
import java.time.Instant;
import org.apache.beam.sdk.transforms.DoFn;
import org.soundalike.eval.report.CollectedRuns;
import org.soundalike.eval.report.ExperimentReport;
import org.soundalike.eval.report.ReportBuilder;
import org.soundalike.eval.report.ReportFiles;

/**
 * Writes the experiment report (report.md, report.csv, report.json) from every results.json under
 * the results folder, once all evaluations are done (its input is their count).
 */
final class WriteReportFn extends DoFn<Long, String> {

  private final String results;
  private final String reportOut;

  WriteReportFn(String results, String reportOut) {
    this.results = results;
    this.reportOut = reportOut;
  }

  @ProcessElement
  public void write(@Element Long evaluatedRuns, OutputReceiver<String> out) {
    CollectedRuns collected = CollectedRuns.collect(Path.of(results));
    if (collected.runs().isEmpty()) {
      System.err.println("evaluate: no results.json under " + results + ": no report written");
      return;
    }
    ExperimentReport report = ReportBuilder.build(collected, Path.of(results), Instant.now());
    ReportFiles.write(report, Path.of(reportOut));
    report.warnings().forEach(w -> System.err.println("evaluate: report warning: " + w));
    out.output(Path.of(reportOut).resolve(ReportFiles.MARKDOWN_FILE).toString());
  }
}
