package org.soundalike.ui.map;

import java.nio.file.Path;
import org.soundalike.eval.report.RunResult;
import org.soundalike.run.RunProvenance;
import org.soundalike.ui.results.MetricChartFactory;

/** A results.json found in the results folder. */
public record RunEntry(Path file, RunResult result) {

  /** "demo · G · 10 % labels · seed 1 (run-id)". */
  public String label() {
    RunProvenance run = result.run();
    return run.dataset() + " · " + run.variant() + " · " + MetricChartFactory.percent(run.labelFraction())
        + " labels · seed " + run.seed() + " (" + run.runId() + ")";
  }
}
