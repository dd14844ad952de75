package org.soundalike.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.GenericCatalog;
import org.soundalike.run.RunFolder;
import org.soundalike.run.RunFolderException;
import org.soundalike.run.RunProvenance;

/**
 * Writes a run's {@link RunProvenance} (run.json) after every epoch: which data, configuration,
 * variant, α, r, label fraction, seed and code version, plus what training alone knows (status,
 * best epoch, λ, batch, engine, the refused tracks and the loss history) as extra fields.
 */
final class TrainingProvenance {

  private final RunFolder folder;
  private final TrainingSettings settings;
  private final Catalog catalog;
  private final String codeVersion;

  TrainingProvenance(RunFolder folder, TrainingSettings settings, Catalog catalog, String codeVersion) {
    this.folder = folder;
    this.settings = settings;
    this.catalog = catalog;
    this.codeVersion = codeVersion;
  }

  void write(TrainingState state, Map<String, String> refused) {
    try {
      folder.writeProvenance(of(state, refused));
    } catch (RunFolderException e) {
      throw new TrainingException(e.getMessage(), e);
    }
  }

  private RunProvenance of(TrainingState state, Map<String, String> refused) {
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    put(extra, RunProvenance.STATUS, state.finished() ? RunProvenance.FINISHED : "training");
    put(extra, "stopReason", state.stopReason());
    put(extra, "bestEpoch", state.bestEpoch());
    put(extra, "bestValidationLoss", Double.isFinite(state.bestValidation()) ? state.bestValidation() : null);
    put(extra, "lambda", settings.lambda());
    put(extra, "batchTracks", settings.batchTracks());
    put(extra, "viewsPerSlice", settings.viewsPerSlice());
    put(extra, "engine", settings.engine().label());
    put(extra, "learningRate", settings.optimizer().learningRate());
    put(extra, "weightDecay", settings.optimizer().weightDecay());
    put(extra, "pretrainedRun", settings.pretrainedRun() == null ? null : settings.pretrainedRun().toString());
    put(extra, "views", settings.views() == null ? null : settings.views().toString());
    put(extra, "threads", Runtime.getRuntime().availableProcessors());
    put(extra, RunProvenance.CATALOG_FOLDER, catalog.source().toAbsolutePath().normalize().toString());
    put(extra, "refusedTracks", refused);
    put(extra, "history", state.history());
    Variant variant = settings.variant();
    return new RunProvenance(
        folder.name(), datasetName(catalog), catalog.fingerprint(),
        settings.config().name(), variant.name(), variant.techniques(), variant.alpha(),
        variant.contrastive() && !variant.selfSupervisedOnly() ? settings.r() : null,
        variant.selfSupervisedOnly() ? 1.0 : settings.labelFraction(), settings.seed(), codeVersion,
        state.epochs(), Instant.now().toString(), extra);
  }

  private static void put(Map<String, JsonNode> extra, String field, Object value) {
    extra.put(field, Checkpoint.JSON.valueToTree(value));
  }

  /** The dataset's name in reports: the format, or the folder's name for the generic format. */
  private static String datasetName(Catalog catalog) {
    if (GenericCatalog.FORMAT.equals(catalog.format()) && catalog.source().getFileName() != null) {
      return catalog.source().toAbsolutePath().normalize().getFileName().toString();
    }
    return catalog.format();
  }
}
