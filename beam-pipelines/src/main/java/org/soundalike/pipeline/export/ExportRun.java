package org.soundalike.pipeline.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.soundalike.run.CodeVersion;
import org.soundalike.pipeline.runner.PipelineInputException;
import org.soundalike.search.Provenance;
import org.soundalike.train.Checkpoint;
import org.soundalike.train.TrainingSettings;
import org.soundalike.run.RunFolder;
import org.soundalike.run.RunFolderException;
import org.soundalike.run.RunProvenance;

/**
 * What an export needs to know about a training run before any track is embedded: its id (which
 * names the index {@code <alias>-<runId>}), the embedding size (the index mapping's dimensions)
 * and the model configuration recorded as provenance (with run.json's fields: α, r, catalog
 * fingerprint…, kept in the index's {@code _meta}). Read from the {@link RunFolder}: its run.json
 * and the checkpoint's settings.
 */
public record ExportRun(Path folder, String runId, int dimensions, String modelConfig, Map<String, String> run) {

  /** @throws PipelineInputException when the folder holds no run */
  public static ExportRun of(Path folder) {
    Path dir = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new PipelineInputException(dir + ": not a training run folder");
    }
    RunFolder run = RunFolder.of(dir);
    TrainingSettings settings;
    try {
      settings = Checkpoint.read(run.bestOrLastCheckpoint()).settings();
    } catch (RuntimeException e) {
      throw new PipelineInputException(dir + ": cannot read the run's checkpoint: " + e.getMessage(), e);
    }
    RunProvenance provenance;
    try {
      provenance = run.hasProvenance() ? run.provenance() : null;
    } catch (RunFolderException e) {
      throw new PipelineInputException(e.getMessage(), e);
    }
    String runId = provenance == null ? run.name() : provenance.runId();
    String config = "config=" + settings.config().name() + " variant=" + settings.variant().name()
        + " labelFraction=" + settings.labelFraction() + " seed=" + settings.seed();
    return new ExportRun(dir, runId, settings.config().embeddingChannels(), config,
        provenance == null ? Map.of() : provenance.fields());
  }

  public Provenance provenance() {
    return new Provenance(runId, modelConfig, CodeVersion.current(), Instant.now(), run);
  }
}
