package org.soundalike.ui.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.soundalike.run.RunProvenance;
import org.soundalike.run.RunFolder;
import org.soundalike.run.RunFolderException;

/**
 * The training run whose model embeds uploaded queries: its folder, the checkpoint the encoder
 * loads, and its provenance as the training code recorded it in {@code run.json} (absent or
 * unreadable provenance is a note for the page, not a reason to refuse the run).
 */
public record ServingRun(Path folder, Path checkpoint, Optional<RunProvenance> provenance,
    Optional<String> provenanceProblem) {

  /**
   * Reads what the run folder says about itself.
   *
   * @throws RunFolderException when the folder holds no checkpoint
   */
  public static ServingRun read(Path folder) {
    RunFolder run = RunFolder.of(folder);
    Path checkpoint = run.bestOrLastCheckpoint();
    if (!run.hasProvenance()) {
      return new ServingRun(folder, checkpoint, Optional.empty(),
          Optional.of(run.runJson() + " is missing: the run's provenance is unknown"));
    }
    try {
      return new ServingRun(folder, checkpoint, Optional.of(run.provenance()), Optional.empty());
    } catch (RunFolderException e) {
      return new ServingRun(folder, checkpoint, Optional.empty(), Optional.of(e.getMessage()));
    }
  }

  /** "run G-tiny (variant G, config tiny, 10 % labels, seed 7, best.bin)" for the page. */
  public String describe() {
    String name = folder.toAbsolutePath().normalize().getFileName().toString();
    return provenance.map(p -> String.format(Locale.ROOT, "run %s (variant %s, config %s, %s labels, seed %d, %s)",
            p.runId(), p.variant(), p.config() == null ? "?" : p.config(), percent(p.labelFraction()), p.seed(),
            checkpoint.getFileName()))
        .orElse("run " + name + " (" + checkpoint.getFileName() + ", provenance unknown)");
  }

  private static String percent(double fraction) {
    double p = 100 * fraction;
    return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p)
        : String.format(Locale.ROOT, "%.1f", p)) + " %";
  }
}
