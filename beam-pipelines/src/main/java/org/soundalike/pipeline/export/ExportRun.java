package org.soundalike.pipeline.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.soundalike.cli.CodeVersion;
import org.soundalike.pipeline.runner.PipelineInputException;
import org.soundalike.search.Provenance;
import org.soundalike.train.Checkpoint;
import org.soundalike.train.TrainingRun;
import org.soundalike.train.TrainingSettings;

/**
 * What an export needs to know about a training run before any track is embedded: its id (which
 * names the index {@code <alias>-<runId>}), the embedding size (the index mapping's dimensions)
 * and the model configuration recorded as provenance. Read from {@code run.json} and the
 * checkpoint's settings.
 */
public record ExportRun(Path folder, String runId, int dimensions, String modelConfig) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** @throws PipelineInputException when the folder holds no run */
  public static ExportRun of(Path folder) {
    Path dir = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new PipelineInputException(dir + ": not a training run folder");
    }
    TrainingSettings settings;
    try {
      settings = Checkpoint.read(TrainingRun.bestOrLast(dir)).settings();
    } catch (RuntimeException e) {
      throw new PipelineInputException(dir + ": cannot read the run's checkpoint: " + e.getMessage(), e);
    }
    String runId = dir.getFileName().toString();
    Path runJson = dir.resolve(TrainingRun.RUN_JSON);
    if (Files.exists(runJson)) {
      try {
        JsonNode id = JSON.readTree(runJson.toFile()).path("runId");
        if (id.isTextual() && !id.asText().isBlank()) {
          runId = id.asText();
        }
      } catch (IOException e) {
        throw new PipelineInputException(runJson + ": not readable JSON: " + e.getMessage(), e);
      }
    }
    String config = "config=" + settings.config().name() + " variant=" + settings.variant().name()
        + " labelFraction=" + settings.labelFraction() + " seed=" + settings.seed();
    return new ExportRun(dir, runId, settings.config().embeddingChannels(), config);
  }

  public Provenance provenance() {
    return new Provenance(runId, modelConfig, CodeVersion.current(), Instant.now());
  }
}
