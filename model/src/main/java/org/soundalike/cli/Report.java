package org.soundalike.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.soundalike.eval.report.CollectedRuns;
import org.soundalike.eval.report.ExperimentReport;
import org.soundalike.eval.report.ReportBuilder;
import org.soundalike.eval.report.ReportException;
import org.soundalike.eval.report.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.soundalike.run.RunFolder;

/** {@code soundalike report --results DIR}: every results.json under DIR in the paper's shapes. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Collects every results.json under a folder into the paper's tables and series.",
      "Per dataset and label fraction: the table (rows = baselines and variants, columns = R@1,2,4,8, M@1,4,7,10, "
          + "ROC-AUC, PR-AUC; mean over seeds, best in bold); per metric: the series against the label fraction "
          + "(mean and interval over seeds). Writes report.md, report.csv and report.json.",
      "A run evaluated twice counts once (its newest evaluation); a malformed results.json is an error."
    })
public final class Report implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--results", required = true, description = "Folder searched recursively for results.json files.")
  Path results;

  @Option(names = "--out", description = "Folder for report.md, report.csv and report.json (default: the --results folder).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Path target = out == null ? results : out;
    try {
      CollectedRuns collected = CollectedRuns.collect(results);
      if (collected.runs().isEmpty()) {
        err.println("soundalike report: no " + RunFolder.RESULTS_JSON + " under " + results);
        err.flush();
        return 1;
      }
      ExperimentReport report = ReportBuilder.build(collected, results, Instant.now());
      ReportFiles.write(report, target);
      for (ExperimentReport.Duplicate d : report.duplicates()) {
        err.println("soundalike report: run " + d.runId() + " was evaluated more than once; counted " + d.kept()
            + ", ignored " + String.join(", ", d.ignored()));
      }
      report.warnings().forEach(w -> err.println("soundalike report: warning: " + w));
      stdout.println(report.runs() + " runs in " + report.datasets().size() + " dataset(s) "
          + report.datasets().keySet() + "; wrote " + target.resolve(ReportFiles.MARKDOWN_FILE) + ", "
          + target.resolve(ReportFiles.CSV_FILE) + ", " + target.resolve(ReportFiles.JSON_FILE));
      return 0;
    } catch (ReportException e) {
      err.println("soundalike report: " + e.getMessage());
      return 1;
    } finally {
      err.flush();
      stdout.flush();
    }
  }
}
