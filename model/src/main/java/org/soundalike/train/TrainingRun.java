package org.soundalike.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.LabelFraction;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.Track;
import org.soundalike.net.LossValues;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.TrainingBatch;
import org.soundalike.net.TrainingPass;
import org.soundalike.run.RunFolder;
import org.soundalike.net.MetricLearningHead;

/**
 * One training run in its own folder: the epoch loop of METHOD.md "Training" (training steps,
 * then the validation loss), with its {@link TrainingSchedule} (plateau, early stop), a
 * checkpoint after every epoch ({@link CheckpointStore}) and the run's provenance
 * ({@link TrainingProvenance}). Running the same settings on the same folder again resumes from
 * the last checkpoint; a run that has finished is reported and not trained again.
 */
public final class TrainingRun {

  static final DataType TYPE = DataType.FLOAT;

  private final Catalog catalog;
  private final RunFolder folder;
  private final TrainingSettings settings;
  private final TrainingSchedule schedule;
  private final CheckpointStore checkpoints;
  private final TrainingProvenance provenance;
  private final PrintStream log;

  /** What a call to {@link #run} ended with. */
  public record Outcome(TrainingState state, boolean alreadyFinished, Map<String, String> refusedTracks) {}

  /** What every epoch of one call works with. */
  private record Session(NetworkParameters parameters, TrainingPass pass, Trainer trainer, TrainingViews views,
      List<Track> training, Set<String> labelled, List<TrainingBatch> validation, Map<String, String> refused) {}

  /**
   * @param codeVersion the build's version, recorded in the provenance
   * @param log progress lines and notices (stderr on the command line)
   */
  public TrainingRun(Catalog catalog, Path folder, TrainingSettings settings, String codeVersion, PrintStream log) {
    this.catalog = catalog;
    this.folder = RunFolder.of(folder);
    this.settings = settings.withConfig(settings.config().withTags(catalog.vocabulary().size()));
    this.schedule = TrainingSchedule.of(this.settings);
    this.checkpoints = new CheckpointStore(this.folder, this.settings, catalog.fingerprint(), catalog.vocabulary().tags());
    this.provenance = new TrainingProvenance(this.folder, this.settings, catalog, codeVersion);
    this.log = log;
  }

  /** Trains (or resumes) until the run finishes; throws {@link TrainingException} on failure. */
  public Outcome run() {
    createFolder();
    Checkpoint saved = checkpoints.last();
    if (saved != null) {
      checkpoints.requireSameRun(saved);
      if (saved.state().finished() && !schedule.canExtend(saved.state())) {
        log.println("run " + folder.path() + " already finished (" + saved.state().stopReason() + ", "
            + saved.state().epochs() + " epochs): nothing to do");
        return new Outcome(saved.state(), true, Map.of());
      }
    }
    NetworkParameters parameters = NetworkParameters.initialize(settings.config(), TYPE, settings.seed());
    if (saved != null) {
      CheckpointStore.loadInto(parameters, saved.arrays(), folder.lastCheckpoint(), false);
    } else if (settings.variant().pretrained()) {
      Path source = RunFolder.of(settings.pretrainedRun()).bestOrLastCheckpoint();
      CheckpointStore.loadInto(parameters, Checkpoint.read(source).arrays(), source, true);
    }
    try (TrainingPass pass = settings.engine().build(parameters, settings.batchTracks(), settings.viewsPerSlice())) {
      return train(pass, parameters, saved);
    }
  }

  private Outcome train(TrainingPass pass, NetworkParameters parameters, Checkpoint saved) {
    Trainer trainer = new Trainer(pass, settings.optimizer(), trainedNames(pass), settings.lambda());
    TrainingState state = saved == null ? TrainingState.fresh(settings.optimizer().learningRate()) : resumed(saved);
    if (saved != null) {
      CheckpointStore.restore(trainer.optimizer(), saved);
      log.println("resuming " + folder.path() + " after epoch " + state.epochs());
    }
    trainer.optimizer().setLearningRate(state.learningRate());
    Session session = session(parameters, pass, trainer);
    while (!state.finished()) {
      if (state.epochs() >= settings.maxEpochs()) {
        state = stopped(state, schedule.maxEpochsReason());
        provenance.write(state, session.refused());
        checkpoints.save(parameters, trainer.optimizer(), state, false);
        break;
      }
      state = epoch(state, session);
    }
    log.println("run " + folder.path() + " finished: " + state.stopReason() + "; best validation loss "
        + format(state.bestValidation()) + " at epoch " + state.bestEpoch());
    return new Outcome(state, false, session.refused());
  }

  private Session session(NetworkParameters parameters, TrainingPass pass, Trainer trainer) {
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
    List<TrainingBatch> validationBatches = views.validation(validation, settings.batchTracks(), supervised, TYPE);
    return new Session(parameters, pass, trainer, views, training, labelled, validationBatches, refused);
  }

  /** One epoch: the training steps, the validation loss, the schedule's decision, a checkpoint. */
  private TrainingState epoch(TrainingState state, Session session) {
    int epoch = state.epochs() + 1;
    long start = System.nanoTime();
    int steps = session.training().size() / settings.batchTracks();
    LossValues training = trainingSteps(state, session, epoch, steps, start);
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    LossValues valid = validationLoss(state, session, epoch);
    double seconds = (System.nanoTime() - start) / 1e9;
    AdamOptimizer optimizer = session.trainer().optimizer();
    EpochRecord record = new EpochRecord(epoch, training, valid, optimizer.learningRate(), seconds,
        2.0 * settings.batchTracks() * steps / trainSeconds);
    List<EpochRecord> history = new ArrayList<>(state.history());
    history.add(record);

    TrainingSchedule.Decision decision = schedule.after(state, epoch, valid.total(), optimizer.learningRate());
    if (decision.reduced()) {
      log.println("validation loss has not improved for " + (settings.plateauPatience() + 1)
          + " epochs: learning rate now " + decision.learningRate());
    }
    optimizer.setLearningRate(decision.learningRate());
    TrainingState next = new TrainingState(epoch, decision.learningRate(), decision.bestValidation(),
        decision.bestEpoch(), decision.plateauEpochs(), optimizer.iteration(), history, decision.stopReason());
    checkpoints.save(session.parameters(), optimizer, next, decision.improved());
    provenance.write(next, session.refused());
    log.printf(Locale.ROOT, "%s epoch %d done in %s: train L %s | validation L %s (L_ML %s, L_SSL %s)%s%n",
        settings.variant().name(), epoch, duration(seconds), format(training.total()), format(valid.total()),
        format(valid.metricLearning()), format(valid.selfSupervised()), decision.improved() ? " best so far" : "");
    return next;
  }

  private LossValues trainingSteps(TrainingState state, Session session, int epoch, int steps, long start) {
    List<Track> order = session.views().shuffled(session.training(), epoch);
    int batchTracks = settings.batchTracks();
    LossMean mean = new LossMean();
    for (int step = 0; step < steps; step++) {
      TrainingBatch batch = session.views().training(
          order.subList(step * batchTracks, (step + 1) * batchTracks), epoch, session.labelled(), TYPE);
      LossValues losses;
      try {
        losses = session.trainer().step(batch);
      } catch (TrainingException e) {
        throw new TrainingException("run " + folder.path() + ", epoch " + epoch + ", step " + (step + 1) + " of " + steps
            + ": " + e.getMessage() + "; the last good checkpoint (epoch " + state.epochs() + ") is kept", e);
      }
      mean.add(losses);
      double elapsed = (System.nanoTime() - start) / 1e9;
      double perStep = elapsed / (step + 1);
      double epochSeconds = perStep * steps;
      log.printf(Locale.ROOT, "%s epoch %d/%d step %d/%d | L %s L_ML %s L_SSL %s | %.2f excerpts/s | epoch ETA %s, run ETA ≤ %s%n",
          settings.variant().name(), epoch, settings.maxEpochs(), step + 1, steps, format(losses.total()),
          format(losses.metricLearning()), format(losses.selfSupervised()), 2.0 * batchTracks / perStep,
          duration(epochSeconds - elapsed), duration(epochSeconds - elapsed + epochSeconds * (settings.maxEpochs() - epoch)));
    }
    return mean.mean();
  }

  private LossValues validationLoss(TrainingState state, Session session, int epoch) {
    LossMean mean = new LossMean();
    for (TrainingBatch batch : session.validation()) {
      mean.add(session.pass().losses(batch, settings.lambda()));
    }
    LossValues valid = mean.mean();
    if (!valid.isFinite()) {
      throw new TrainingException("run " + folder.path() + ", epoch " + epoch + ": validation loss is not finite (" + valid
          + "); the last good checkpoint (epoch " + state.epochs() + ") is kept");
    }
    return valid;
  }

  private Set<String> trainedNames(TrainingPass pass) {
    if (settings.variant().frozenEncoder()) {
      return Set.of(MetricLearningHead.TAG_HEAD);
    }
    return Trainer.everything(pass);
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

  private void createFolder() {
    try {
      Files.createDirectories(folder.path());
    } catch (IOException e) {
      throw new TrainingException("cannot create run folder " + folder.path() + ": " + e.getMessage(), e);
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
