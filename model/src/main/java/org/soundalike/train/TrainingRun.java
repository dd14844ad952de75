package org.soundalike.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.GenericCatalog;
import org.soundalike.dataset.LabelFraction;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.Track;
import org.soundalike.net.LossValues;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.TrainingBatch;
import org.soundalike.net.TrainingPass;
import org.soundalike.run.RunProvenance;
import org.soundalike.run.RunFolderException;
import org.soundalike.run.RunFolder;

/**
 * One training run in its own folder: the epoch loop of METHOD.md "Training" with validation,
 * ReduceLROnPlateau, early stopping, a checkpoint after every epoch and the run's provenance.
 * Running the same settings on the same folder again resumes from the last checkpoint; a run
 * that has finished is reported and not trained again.
 *
 * <p>Files: {@value RunFolder#CHECKPOINT} (the last epoch, for resuming), {@value RunFolder#BEST} (the epoch with
 * the lowest validation loss, what {@code embed} and technique p load) and {@value RunFolder#RUN_JSON}
 * (provenance and the loss history, the {@code --run-info} of {@code soundalike evaluate}).
 */
public final class TrainingRun {

  static final String PARAM = "param/";
  static final String RUNNING = "running/";
  private static final String ADAM_M = "adam.m/";
  private static final String ADAM_V = "adam.v/";

  /** PyTorch's ReduceLROnPlateau default: an improvement must beat the best by 1e-4 relative. */
  private static final double IMPROVEMENT = 1e-4;
  static final DataType TYPE = DataType.FLOAT;

  private final Catalog catalog;
  private final Path folder;
  private final TrainingSettings settings;
  private final String codeVersion;
  private final PrintStream log;

  /** What a call to {@link #run} ended with. */
  public record Outcome(TrainingState state, boolean alreadyFinished, Map<String, String> refusedTracks) {}

  /**
   * @param codeVersion the build's version, recorded in the provenance
   * @param log progress lines and notices (stderr on the command line)
   */
  public TrainingRun(Catalog catalog, Path folder, TrainingSettings settings, String codeVersion, PrintStream log) {
    this.catalog = catalog;
    this.codeVersion = codeVersion;
    this.folder = folder;
    this.settings = settings.withConfig(settings.config().withTags(catalog.vocabulary().size()));
    this.log = log;
  }

  /** Trains (or resumes) until the run finishes; throws {@link TrainingException} on failure. */
  public Outcome run() {
    createFolder();
    Path checkpointFile = folder.resolve(RunFolder.CHECKPOINT);
    Checkpoint saved = Files.exists(checkpointFile) ? Checkpoint.read(checkpointFile) : null;
    if (saved != null) {
      requireSameRun(saved);
      if (saved.state().finished() && !canExtend(saved.state())) {
        log.println("run " + folder + " already finished (" + saved.state().stopReason() + ", "
            + saved.state().epochs() + " epochs): nothing to do");
        return new Outcome(saved.state(), true, Map.of());
      }
    }
    NetworkParameters parameters = NetworkParameters.initialize(settings.config(), TYPE, settings.seed());
    if (saved != null) {
      loadInto(parameters, saved.arrays(), checkpointFile, false);
    } else if (settings.variant().pretrained()) {
      Path source = RunFolder.of(settings.pretrainedRun()).bestOrLastCheckpoint();
      loadInto(parameters, Checkpoint.read(source).arrays(), source, true);
    }
    try (TrainingPass pass = settings.engine().build(parameters, settings.batchTracks(), settings.viewsPerSlice())) {
      return train(pass, parameters, saved);
    }
  }

  private Outcome train(TrainingPass pass, NetworkParameters parameters, Checkpoint saved) {
    Trainer trainer = new Trainer(pass, settings.optimizer(), trainedNames(pass), settings.lambda());
    TrainingState state = saved == null ? TrainingState.fresh(settings.optimizer().learningRate()) : resumed(saved);
    if (saved != null) {
      trainer.optimizer().restore(state.adamSteps(), prefixed(saved.arrays(), ADAM_M), prefixed(saved.arrays(), ADAM_V));
      log.println("resuming " + folder + " after epoch " + state.epochs());
    }
    trainer.optimizer().setLearningRate(state.learningRate());

    MaterialisedViews materialised =
        settings.views() == null ? null : MaterialisedViews.open(settings.views(), settings.variant());
    TrainingViews views = new TrainingViews(catalog, settings.seed(), settings.variant().augment(), materialised);
    Map<String, String> refused = new LinkedHashMap<>();
    List<Track> training = views.usableForTraining(catalog.tracks(Split.TRAIN), refused);
    List<Track> validation = views.usable(catalog.tracks(Split.VALID), "validation", refused);
    refused.forEach((id, reason) -> log.println("not used: track " + id + ": " + reason));
    if (training.size() < settings.batchTracks()) {
      throw new TrainingException("catalog " + catalog.source() + ": " + training.size()
          + " usable training tracks, fewer than one batch of " + settings.batchTracks());
    }
    if (validation.isEmpty()) {
      throw new TrainingException("catalog " + catalog.source() + ": no usable validation track");
    }
    boolean supervised = !settings.variant().selfSupervisedOnly();
    Set<String> labelled = supervised
        ? new LabelFraction(settings.labelFraction(), settings.seed()).labelledIds(catalog)
        : Set.of();
    List<TrainingBatch> validationBatches =
        views.validation(validation, settings.batchTracks(), supervised, TYPE);

    while (!state.finished()) {
      if (state.epochs() >= settings.maxEpochs()) {
        state = stopped(state, "max epochs (" + settings.maxEpochs() + ")");
        writeProvenance(state, refused);
        saveCheckpoint(parameters, trainer, state, false);
        break;
      }
      state = epoch(state, parameters, pass, trainer, views, training, labelled, validationBatches, refused);
    }
    log.println("run " + folder + " finished: " + state.stopReason() + "; best validation loss "
        + format(state.bestValidation()) + " at epoch " + state.bestEpoch());
    return new Outcome(state, false, refused);
  }

  private TrainingState epoch(
      TrainingState state,
      NetworkParameters parameters,
      TrainingPass pass,
      Trainer trainer,
      TrainingViews views,
      List<Track> training,
      Set<String> labelled,
      List<TrainingBatch> validationBatches,
      Map<String, String> refused) {
    int epoch = state.epochs() + 1;
    List<Track> order = views.shuffled(training, epoch);
    int batchTracks = settings.batchTracks();
    int steps = order.size() / batchTracks;
    long start = System.nanoTime();
    LossMean trainLoss = new LossMean();
    for (int step = 0; step < steps; step++) {
      TrainingBatch batch = views.training(order.subList(step * batchTracks, (step + 1) * batchTracks), epoch, labelled, TYPE);
      LossValues losses;
      try {
        losses = trainer.step(batch);
      } catch (TrainingException e) {
        throw new TrainingException("run " + folder + ", epoch " + epoch + ", step " + (step + 1) + " of " + steps
            + ": " + e.getMessage() + "; the last good checkpoint (epoch " + state.epochs() + ") is kept", e);
      }
      trainLoss.add(losses);
      double elapsed = (System.nanoTime() - start) / 1e9;
      double perStep = elapsed / (step + 1);
      double epochSeconds = perStep * steps;
      log.printf(Locale.ROOT, "%s epoch %d/%d step %d/%d | L %s L_ML %s L_SSL %s | %.2f excerpts/s | epoch ETA %s, run ETA ≤ %s%n",
          settings.variant().name(), epoch, settings.maxEpochs(), step + 1, steps, format(losses.total()),
          format(losses.metricLearning()), format(losses.selfSupervised()), 2.0 * batchTracks / perStep,
          duration(epochSeconds - elapsed), duration(epochSeconds - elapsed + epochSeconds * (settings.maxEpochs() - epoch)));
    }
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    LossMean validLoss = new LossMean();
    for (TrainingBatch batch : validationBatches) {
      validLoss.add(pass.losses(batch, settings.lambda()));
    }
    LossValues valid = validLoss.mean();
    if (!valid.isFinite()) {
      throw new TrainingException("run " + folder + ", epoch " + epoch + ": validation loss is not finite (" + valid
          + "); the last good checkpoint (epoch " + state.epochs() + ") is kept");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    EpochRecord record = new EpochRecord(epoch, trainLoss.mean(), valid, trainer.optimizer().learningRate(), seconds,
        2.0 * batchTracks * steps / trainSeconds);
    List<EpochRecord> history = new ArrayList<>(state.history());
    history.add(record);

    boolean improved = valid.total() < state.bestValidation() * (1 - IMPROVEMENT) || state.bestEpoch() == 0;
    double best = improved ? valid.total() : state.bestValidation();
    int bestEpoch = improved ? epoch : state.bestEpoch();
    int plateau = improved ? 0 : state.plateauEpochs() + 1;
    double learningRate = trainer.optimizer().learningRate();
    if (settings.plateauPatience() > 0 && plateau > settings.plateauPatience()) {
      learningRate *= settings.plateauFactor();
      plateau = 0;
      log.println("validation loss has not improved for " + (settings.plateauPatience() + 1)
          + " epochs: learning rate now " + learningRate);
    }
    trainer.optimizer().setLearningRate(learningRate);
    String stop = null;
    if (settings.earlyStopPatience() > 0 && epoch - bestEpoch >= settings.earlyStopPatience()) {
      stop = "early stop (" + settings.earlyStopPatience() + " epochs without improvement)";
    } else if (epoch >= settings.maxEpochs()) {
      stop = "max epochs (" + settings.maxEpochs() + ")";
    }
    TrainingState next = new TrainingState(
        epoch, learningRate, best, bestEpoch, plateau, trainer.optimizer().iteration(), history, stop);
    saveCheckpoint(parameters, trainer, next, improved);
    writeProvenance(next, refused);
    log.printf(Locale.ROOT, "%s epoch %d done in %s: train L %s | validation L %s (L_ML %s, L_SSL %s)%s%n",
        settings.variant().name(), epoch, duration(seconds), format(record.training().total()), format(valid.total()),
        format(valid.metricLearning()), format(valid.selfSupervised()), improved ? " best so far" : "");
    return next;
  }

  private Set<String> trainedNames(TrainingPass pass) {
    if (settings.variant().frozenEncoder()) {
      return Set.of(NetworkFiles.TAG_HEAD);
    }
    return Trainer.everything(pass);
  }

  private void saveCheckpoint(NetworkParameters parameters, Trainer trainer, TrainingState state, boolean best) {
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    parameters.trainable().forEach((name, a) -> arrays.put(PARAM + name, a));
    parameters.runningStatistics().forEach((name, a) -> arrays.put(RUNNING + name, a));
    trainer.optimizer().firstMoments().forEach((name, a) -> arrays.put(ADAM_M + name, a));
    trainer.optimizer().secondMoments().forEach((name, a) -> arrays.put(ADAM_V + name, a));
    Path file = folder.resolve(RunFolder.CHECKPOINT);
    new Checkpoint(settings, state, catalog.fingerprint(), catalog.vocabulary().tags(), arrays).write(file);
    if (best) {
      Checkpoint.copy(file, folder.resolve(RunFolder.BEST));
    }
  }

  private void writeProvenance(TrainingState state, Map<String, String> refused) {
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    extra.put(RunProvenance.STATUS, Checkpoint.JSON.valueToTree(state.finished() ? RunProvenance.FINISHED : "training"));
    extra.put("stopReason", Checkpoint.JSON.valueToTree(state.stopReason()));
    extra.put("bestEpoch", Checkpoint.JSON.valueToTree(state.bestEpoch()));
    extra.put("bestValidationLoss", Checkpoint.JSON.valueToTree(
        Double.isFinite(state.bestValidation()) ? state.bestValidation() : null));
    extra.put("lambda", Checkpoint.JSON.valueToTree(settings.lambda()));
    extra.put("batchTracks", Checkpoint.JSON.valueToTree(settings.batchTracks()));
    extra.put("viewsPerSlice", Checkpoint.JSON.valueToTree(settings.viewsPerSlice()));
    extra.put("engine", Checkpoint.JSON.valueToTree(settings.engine().label()));
    extra.put("learningRate", Checkpoint.JSON.valueToTree(settings.optimizer().learningRate()));
    extra.put("weightDecay", Checkpoint.JSON.valueToTree(settings.optimizer().weightDecay()));
    extra.put("pretrainedRun", Checkpoint.JSON.valueToTree(
        settings.pretrainedRun() == null ? null : settings.pretrainedRun().toString()));
    extra.put("views", Checkpoint.JSON.valueToTree(settings.views() == null ? null : settings.views().toString()));
    extra.put("threads", Checkpoint.JSON.valueToTree(Runtime.getRuntime().availableProcessors()));
    extra.put(RunProvenance.CATALOG_FOLDER, Checkpoint.JSON.valueToTree(catalog.source().toAbsolutePath().normalize().toString()));
    extra.put("refusedTracks", Checkpoint.JSON.valueToTree(refused));
    extra.put("history", Checkpoint.JSON.valueToTree(state.history()));
    Variant variant = settings.variant();
    RunProvenance provenance = new RunProvenance(
        folder.toAbsolutePath().normalize().getFileName().toString(), datasetName(catalog), catalog.fingerprint(),
        settings.config().name(), variant.name(), variant.techniques(), variant.alpha(),
        variant.contrastive() && !variant.selfSupervisedOnly() ? settings.r() : null,
        variant.selfSupervisedOnly() ? 1.0 : settings.labelFraction(), settings.seed(), codeVersion,
        state.epochs(), Instant.now().toString(), extra);
    try {
      RunFolder.of(folder).writeProvenance(provenance);
    } catch (RunFolderException e) {
      throw new TrainingException(e.getMessage(), e);
    }
  }

  /** The dataset's name in reports: the format, or the folder's name for the generic format. */
  public static String datasetName(Catalog catalog) {
    if (GenericCatalog.FORMAT.equals(catalog.format()) && catalog.source().getFileName() != null) {
      return catalog.source().toAbsolutePath().normalize().getFileName().toString();
    }
    return catalog.format();
  }

  private void requireSameRun(Checkpoint saved) {
    if (!saved.settings().withEpochs(1).equals(settings.withEpochs(1))) {
      throw new TrainingException("run folder " + folder + " holds another run: its settings are "
          + saved.settings().withEpochs(1) + ", this command's are " + settings.withEpochs(1)
          + " (only --epochs may change when resuming)");
    }
    if (!saved.catalogFingerprint().equals(catalog.fingerprint())) {
      throw new TrainingException("run folder " + folder + " was trained on another catalog (fingerprint "
          + saved.catalogFingerprint() + ", this catalog " + catalog.fingerprint() + ")");
    }
  }

  /** A run stopped by its epoch limit goes on when the limit is raised; an early stop is final. */
  private boolean canExtend(TrainingState state) {
    return state.stopReason().startsWith("max epochs") && settings.maxEpochs() > state.epochs();
  }

  private static TrainingState resumed(Checkpoint saved) {
    TrainingState s = saved.state();
    return new TrainingState(s.epochs(), s.learningRate(), s.bestValidation(), s.bestEpoch(), s.plateauEpochs(),
        s.adamSteps(), s.history(), null);
  }

  private static TrainingState stopped(TrainingState s, String reason) {
    return new TrainingState(s.epochs(), s.learningRate(), s.bestValidation(), s.bestEpoch(), s.plateauEpochs(),
        s.adamSteps(), s.history(), reason);
  }

  /**
   * Copies saved weights and running averages into {@code parameters}. For technique p the tag
   * head is left fresh: pre-training never trains it.
   */
  static void loadInto(NetworkParameters parameters, Map<String, INDArray> arrays, Path source, boolean skipTagHead) {
    Map<String, INDArray> all = new LinkedHashMap<>(parameters.trainable());
    all.putAll(parameters.runningStatistics());
    for (Map.Entry<String, INDArray> e : all.entrySet()) {
      String name = e.getKey();
      if (skipTagHead && name.equals(NetworkFiles.TAG_HEAD)) {
        continue;
      }
      String prefix = parameters.trainable().containsKey(name) ? PARAM : RUNNING;
      INDArray saved = arrays.get(prefix + name);
      if (saved == null) {
        throw new TrainingException("checkpoint " + source + " has no array " + prefix + name);
      }
      if (!Arrays.equals(saved.shape(), e.getValue().shape())) {
        throw new TrainingException("checkpoint " + source + ": " + name + " has shape "
            + Arrays.toString(saved.shape()) + ", the network needs "
            + Arrays.toString(e.getValue().shape()) + " (another config?)");
      }
      e.getValue().assign(saved.castTo(parameters.dataType()));
    }
  }

  private static Map<String, INDArray> prefixed(Map<String, INDArray> arrays, String prefix) {
    Map<String, INDArray> out = new LinkedHashMap<>();
    arrays.forEach((name, a) -> {
      if (name.startsWith(prefix)) {
        out.put(name.substring(prefix.length()), a);
      }
    });
    return out;
  }

  private void createFolder() {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new TrainingException("cannot create run folder " + folder + ": " + e.getMessage(), e);
    }
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static String duration(double seconds) {
    Duration d = Duration.ofSeconds(Math.max(0, Math.round(seconds)));
    return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }

  /** The mean of a series of losses. */
  private static final class LossMean {
    private double total;
    private double metricLearning;
    private double selfSupervised;
    private int count;

    void add(LossValues losses) {
      total += losses.total();
      metricLearning += losses.metricLearning();
      selfSupervised += losses.selfSupervised();
      count++;
    }

    LossValues mean() {
      return new LossValues(total / count, metricLearning / count, selfSupervised / count);
    }
  }
}
