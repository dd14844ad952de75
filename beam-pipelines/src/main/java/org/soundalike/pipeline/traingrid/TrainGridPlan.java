package org.soundalike.pipeline.traingrid;

import java.io.Serializable;
import java.nio.file.Path;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.train.TrainingSettings;
import org.soundalike.train.Variant;

/**
 * What every element of a training grid shares: the catalog, the output folder, the network
 * config, the epoch budgets and batch size, and r when it is given rather than measured.
 *
 * <p>Layout under {@code out}: {@code runs/<cell>} (one run folder per grid cell, what
 * {@code pipeline evaluate} evaluates), {@code shared/r} (the shared pre-training
 * {@code shared/r/ssl}, and when r is measured the supervised run {@code shared/r/ml} and
 * {@code shared/r/r.json}, as {@code soundalike estimate-r} writes them) and {@code grid.jsonl}.
 *
 * @param r λ = α / r for technique c; null to measure it (estimate-r) once for the grid
 * @param sharedSeed seed of the shared pre-training and r estimation
 */
public record TrainGridPlan(
    String catalog,
    String out,
    String config,
    int epochs,
    int pretrainEpochs,
    int batchTracks,
    int viewsPerSlice,
    Double r,
    int rLastEpochs,
    long sharedSeed,
    String codeVersion) implements Serializable {

  public static final String RUNS = "runs";
  public static final String SHARED = "shared";
  /** {@code estimate-r}'s default: the converged loss is the mean of the last 5 epochs. */
  public static final int DEFAULT_LAST_EPOCHS_FOR_R = 5;

  public TrainGridPlan {
    SampleCnnConfig.named(config);
    if (epochs < 1 || pretrainEpochs < 1) {
      throw new IllegalArgumentException("epochs must be >= 1, got " + epochs + " and " + pretrainEpochs + " (pre-training)");
    }
    if (r != null && !(r > 0)) {
      throw new IllegalArgumentException("r must be > 0, got " + r);
    }
  }

  public Path runsDir() {
    return Path.of(out).resolve(RUNS);
  }

  public Path runDir(GridCell cell) {
    return runsDir().resolve(cell.runName());
  }

  /** Where the shared pre-training and the r estimation live ({@code estimate-r}'s layout). */
  public Path ratioDir() {
    return Path.of(out).resolve(SHARED).resolve("r");
  }

  /** The shared pre-training run: {@code estimate-r}'s self-supervised run is exactly the {@code pretrain} recipe. */
  public Path pretrainDir() {
    return ratioDir().resolve("ssl");
  }

  /** Settings of the shared runs: the supervised run of the r estimation, at the pre-training budget. */
  public TrainingSettings ratioBase() {
    return TrainingSettings.defaults(SampleCnnConfig.named(config), Variant.SUPERVISED_ONLY, null, 1, sharedSeed, null)
        .withEpochs(pretrainEpochs)
        .withBatch(batchTracks, viewsPerSlice);
  }

  /** The pre-training alone, with the settings {@code estimate-r} gives its self-supervised run. */
  public TrainingSettings pretrainSettings() {
    return TrainingSettings.defaults(SampleCnnConfig.named(config), Variant.PRETRAIN, null, 1, sharedSeed, null)
        .withEpochs(pretrainEpochs)
        .withBatch(batchTracks, viewsPerSlice);
  }

  /** The settings of one cell (METHOD.md's fine-tuning defaults, this plan's budget). */
  public TrainingSettings settings(GridCell cell, TrainGridShared shared) {
    Variant variant = Variant.named(cell.variant());
    Double ratio = variant.contrastive() ? shared.requireR(cell) : null;
    Path pretrained = variant.pretrained() ? shared.requirePretrained(cell) : null;
    return TrainingSettings.defaults(SampleCnnConfig.named(config), variant, ratio, cell.fraction(), cell.seed(), pretrained)
        .withEpochs(epochs)
        .withBatch(batchTracks, viewsPerSlice);
  }
}
