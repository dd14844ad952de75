package org.soundalike.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.soundalike.run.RunProvenance;

/**
 * The training run folders under a folder: every folder holding a run.json and a checkpoint, with
 * its provenance. Pre-training runs are there too ({@link RunFolder#evaluable()} says which runs
 * have a trained tag head to evaluate).
 */
public final class RunFolders {

  /** The variant name training records for the self-supervised pre-training. */
  public static final String PRETRAIN_VARIANT = "pretrain";

  private RunFolders() {}

  /**
   * @param finished the run's status in run.json is {@code finished} (a run still training, or
   *     killed, says {@code training})
   */
  public record RunFolder(Path dir, RunProvenance provenance, boolean finished) {

    /** A run with a tag head trained by the metric-learning loss (not a pre-training). */
    public boolean evaluable() {
      return !PRETRAIN_VARIANT.equalsIgnoreCase(provenance.variant());
    }
  }

  /** Every run folder under {@code dir} (itself included), sorted by path. */
  public static List<RunFolder> under(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ReportException(dir + ": not a folder");
    }
    List<Path> runJsons;
    try (Stream<Path> walk = Files.walk(dir)) {
      runJsons = walk.filter(p -> p.getFileName().toString().equals(RunEvaluation.RUN_JSON) && Files.isRegularFile(p))
          .filter(p -> Files.exists(p.resolveSibling(RunEvaluation.CHECKPOINT)))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new ReportException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    List<RunFolder> runs = new ArrayList<>();
    for (Path runJson : runJsons) {
      RunProvenance provenance = RunResultJson.readProvenance(runJson);
      var status = provenance.extra().get("status");
      runs.add(new RunFolder(runJson.getParent(), provenance, status != null && "finished".equals(status.asText())));
    }
    return runs;
  }
}
