package org.soundalike.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A training run's folder, the one place that knows its layout (docs/formats.md):
 * {@value #CHECKPOINT} (the last epoch, for resuming), {@value #BEST} (the epoch with the lowest
 * validation loss, what inference and technique p load), {@value #RUN_JSON} (the run's
 * {@link RunProvenance}), {@value #RESULTS_JSON} (its evaluation) and {@value #MODEL_ONNX} (its
 * cached ONNX export). Every reader of a run goes through this type.
 */
public record RunFolder(Path path) {

  public static final String CHECKPOINT = "checkpoint.bin";
  public static final String BEST = "best.bin";
  public static final String RUN_JSON = "run.json";
  public static final String RESULTS_JSON = "results.json";
  public static final String MODEL_ONNX = "model.onnx";

  public RunFolder {
    Objects.requireNonNull(path, "run folder");
  }

  public static RunFolder of(Path path) {
    return new RunFolder(path);
  }

  /**
   * Every run folder under {@code dir} (itself included): those holding a run.json and a last
   * checkpoint, sorted by path. Pre-training runs are there too ({@link #pretraining()}).
   */
  public static List<RunFolder> under(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new RunFolderException(dir + ": not a folder");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().equals(RUN_JSON) && Files.isRegularFile(p))
          .map(p -> new RunFolder(p.getParent()))
          .filter(run -> Files.exists(run.lastCheckpoint()))
          .sorted((a, b) -> a.path().compareTo(b.path()))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new RunFolderException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The folder's name, which training records as the run id. */
  public String name() {
    Path name = path.toAbsolutePath().normalize().getFileName();
    return name == null ? path.toString() : name.toString();
  }

  public Path lastCheckpoint() {
    return path.resolve(CHECKPOINT);
  }

  public Path bestCheckpoint() {
    return path.resolve(BEST);
  }

  public Path runJson() {
    return path.resolve(RUN_JSON);
  }

  public Path resultsJson() {
    return path.resolve(RESULTS_JSON);
  }

  public Path modelOnnx() {
    return path.resolve(MODEL_ONNX);
  }

  /**
   * The best epoch's checkpoint, else the last one: what a run serves.
   *
   * @throws RunFolderException naming the folder when it holds neither
   */
  public Path bestOrLastCheckpoint() {
    if (Files.exists(bestCheckpoint())) {
      return bestCheckpoint();
    }
    if (Files.exists(lastCheckpoint())) {
      return lastCheckpoint();
    }
    throw new RunFolderException("run folder " + path + " holds no checkpoint (" + BEST + " or " + CHECKPOINT + ")");
  }

  /** Whether training wrote the run's provenance (runs trained before it was recorded have none). */
  public boolean hasProvenance() {
    return Files.isRegularFile(runJson());
  }

  /** @throws RunFolderException when run.json is missing or malformed */
  public RunProvenance provenance() {
    return RunProvenanceJson.read(runJson());
  }

  /** Replaces run.json atomically. */
  public void writeProvenance(RunProvenance provenance) {
    RunProvenanceJson.write(runJson(), provenance);
  }

  /** Whether run.json says {@code finished} (a run still training, or killed, says {@code training}). */
  public boolean finished() {
    return hasProvenance() && provenance().finished();
  }

  /** A self-supervised pre-training: no tag head trained by the metric-learning loss, nothing to evaluate. */
  public boolean pretraining() {
    return hasProvenance() && RunProvenance.PRETRAINING.equalsIgnoreCase(provenance().variant());
  }

  /** The run id recorded in run.json, else the folder's name. */
  public String runId() {
    return hasProvenance() ? provenance().runId() : name();
  }
}
