package org.soundalike.ui.service;

import java.nio.file.Path;
import java.util.Optional;
import org.soundalike.dataset.Catalog;
import org.soundalike.eval.report.RunResult;
import org.soundalike.run.RunProvenance;

/** A results.json found in the results folder. */
public record RunEntry(Path file, RunResult result) {

  /** "demo · G · 10 % labels · seed 1 (run-id)". */
  public String label() {
    RunProvenance run = result.run();
    return run.dataset() + " · " + run.variant() + " · " + Formats.percent(run.labelFraction())
        + " labels · seed " + run.seed() + " (" + run.runId() + ")";
  }

  /** Whether the run was trained on the catalog the dashboard plays from (same metadata fingerprint). */
  public String catalogMatch(Optional<Catalog> catalog) {
    String trainedOn = result.run().catalogFingerprint();
    if (catalog.isEmpty() || trainedOn == null) {
      return "—";
    }
    return catalog.get().fingerprint().equals(trainedOn) ? "this catalog" : "another catalog";
  }
}
