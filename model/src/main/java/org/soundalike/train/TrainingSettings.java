package org.soundalike.train;

import java.nio.file.Path;
import org.soundalike.net.SampleCnnConfig;

/**
 * Everything that decides what a training run computes. The defaults are METHOD.md's
 * ({@link #defaults}); every field can be overridden from the command line.
 *
 * @param config the network (its tag count is set from the catalog)
 * @param variant the preset: techniques and α
 * @param r converged L_SSL / converged L_ML, for λ = α / r; null when the variant has no c
 * @param labelFraction fraction of training tracks whose labels are used, in (0, 1]
 * @param seed seeds the initial weights, the label draw, the crops, the augmentations and the
 *     batch order: the run is a function of it (and of the thread count)
 * @param maxEpochs stop after this many epochs
 * @param batchTracks tracks per batch B (2B views)
 * @param viewsPerSlice 0: the whole batch in one graph; else the encoder runs over slices of this
 *     many views (bounded memory, see MicroBatchedTrainingPass)
 * @param optimizer Adam's learning rate and weight decay
 * @param plateauPatience ReduceLROnPlateau: reduce once more than this many epochs passed without
 *     a validation improvement (PyTorch's semantics); 0 turns it off
 * @param plateauFactor the learning-rate factor of a reduction
 * @param earlyStopPatience stop after this many epochs without improvement; 0 turns it off
 * @param pretrainedRun the pre-training run technique p starts from; null otherwise
 * @param engine what computes the steps ({@link TrainingEngine}); part of the run's identity
 *     because the two engines' float rounding differs, so a resumed run must keep its engine.
 *     Checkpoints written before the engine was a setting hold none: those runs were trained on
 *     SameDiff, so null reads as {@link TrainingEngine#SAMEDIFF}
 * @param views a folder of training view shards ({@code soundalike pipeline augment}) the training
 *     views come from, the n-th epoch reading the shards' epoch (n − 1) mod E; null: crops (and
 *     augmentations) are computed on the fly from the decoded catalog
 */
public record TrainingSettings(
    SampleCnnConfig config,
    Variant variant,
    Double r,
    double labelFraction,
    long seed,
    int maxEpochs,
    int batchTracks,
    int viewsPerSlice,
    OptimizerSettings optimizer,
    int plateauPatience,
    double plateauFactor,
    int earlyStopPatience,
    Path pretrainedRun,
    TrainingEngine engine,
    Path views) {

  /** Fine-tuning: 200 epochs, plateau 5, early stop 10. */
  public static final int MAX_EPOCHS = 200;
  public static final int PLATEAU_PATIENCE = 5;
  public static final double PLATEAU_FACTOR = 0.1;
  public static final int EARLY_STOP_PATIENCE = 10;
  /**
   * The paper's 48 tracks per batch, also the CPU default: on the dnnl engine the compact step is
   * no dearer per excerpt than smaller batches and peaks at ≈ 3.4 GiB (docs/training.md).
   */
  public static final int PAPER_BATCH = 48;

  public TrainingSettings {
    engine = engine == null ? TrainingEngine.SAMEDIFF : engine;
    // Absolute, so that rerunning the same command resumes whether a folder was named relative to
    // the working directory or not (a checkpoint's settings are compared with the command's).
    pretrainedRun = pretrainedRun == null ? null : pretrainedRun.toAbsolutePath().normalize();
    views = views == null ? null : views.toAbsolutePath().normalize();
    if (!(labelFraction > 0 && labelFraction <= 1)) {
      throw new IllegalArgumentException("label fraction must be in (0, 1], got " + labelFraction);
    }
    if (maxEpochs < 1 || batchTracks < 2 || viewsPerSlice < 0) {
      throw new IllegalArgumentException(
          "need epochs >= 1, batch >= 2 tracks (NT-Xent needs negatives), views per slice >= 0; got "
              + maxEpochs + ", " + batchTracks + ", " + viewsPerSlice);
    }
    if (variant.pretrained() && pretrainedRun == null) {
      throw new IllegalArgumentException(
          "variant " + variant.name() + " uses technique p: give the pre-training run (--pretrained RUN)");
    }
    if (!variant.pretrained() && pretrainedRun != null) {
      throw new IllegalArgumentException(
          "variant " + variant.name() + " does not use technique p: --pretrained does not apply");
    }
    if (!engine.slices() && viewsPerSlice > 0 && viewsPerSlice < 2 * batchTracks) {
      throw new IllegalArgumentException("the " + engine.label() + " engine runs the whole batch of "
          + 2 * batchTracks + " views at once; views per slice (" + viewsPerSlice + ") needs --engine samediff");
    }
    variant.lambda(r);
  }

  /**
   * METHOD.md's settings for {@code variant}, on the backend's engine ({@link
   * TrainingEngine#forBackend}): fine-tuning (Adam 1e-3, weight decay 1e-6,
   * plateau 5, early stop 10, 200 epochs) or, for pre-training, Adam 3e-4 for a fixed number of
   * epochs (no schedule, no early stop, as the paper pre-trains for a fixed budget).
   */
  public static TrainingSettings defaults(
      SampleCnnConfig config, Variant variant, Double r, double labelFraction, long seed, Path pretrainedRun) {
    boolean pretrain = variant.selfSupervisedOnly();
    Builder b = new Builder();
    b.config = config;
    b.variant = variant;
    b.r = r;
    b.labelFraction = labelFraction;
    b.seed = seed;
    b.pretrainedRun = pretrainedRun;
    return b.optimizer(pretrain ? OptimizerSettings.PRETRAIN : OptimizerSettings.FINE_TUNE)
        .schedule(pretrain ? 0 : PLATEAU_PATIENCE, PLATEAU_FACTOR, pretrain ? 0 : EARLY_STOP_PATIENCE)
        .build();
  }

  public double lambda() {
    return variant.lambda(r);
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public TrainingSettings withEpochs(int epochs) {
    return toBuilder().maxEpochs(epochs).build();
  }

  public TrainingSettings withBatch(int tracks, int slice) {
    return toBuilder().batch(tracks, slice).build();
  }

  public TrainingSettings withOptimizer(OptimizerSettings settings) {
    return toBuilder().optimizer(settings).build();
  }

  public TrainingSettings withSchedule(int plateau, double factor, int earlyStop) {
    return toBuilder().schedule(plateau, factor, earlyStop).build();
  }

  public TrainingSettings withConfig(SampleCnnConfig newConfig) {
    return toBuilder().config(newConfig).build();
  }

  public TrainingSettings withEngine(TrainingEngine newEngine) {
    return toBuilder().engine(newEngine).build();
  }

  /** These settings reading their training views from the shard folder {@code folder} (null: on the fly). */
  public TrainingSettings withViews(Path folder) {
    return toBuilder().views(folder).build();
  }

  /**
   * Settings under construction, starting from METHOD.md's fine-tuning defaults; {@link #build()}
   * validates them. A new setting is a record component, a field here and its line in {@link #build()}.
   */
  public static final class Builder {
    private SampleCnnConfig config;
    private Variant variant;
    private Double r;
    private double labelFraction = 1;
    private long seed;
    private int maxEpochs = MAX_EPOCHS;
    private int batchTracks = PAPER_BATCH;
    private int viewsPerSlice;
    private OptimizerSettings optimizer = OptimizerSettings.FINE_TUNE;
    private int plateauPatience = PLATEAU_PATIENCE;
    private double plateauFactor = PLATEAU_FACTOR;
    private int earlyStopPatience = EARLY_STOP_PATIENCE;
    private Path pretrainedRun;
    private TrainingEngine engine = TrainingEngine.forBackend();
    private Path views;

    /** METHOD.md's fine-tuning defaults; the network, variant and seed must still be given. */
    public Builder() {}

    private Builder(TrainingSettings s) {
      config = s.config;
      variant = s.variant;
      r = s.r;
      labelFraction = s.labelFraction;
      seed = s.seed;
      maxEpochs = s.maxEpochs;
      batchTracks = s.batchTracks;
      viewsPerSlice = s.viewsPerSlice;
      optimizer = s.optimizer;
      plateauPatience = s.plateauPatience;
      plateauFactor = s.plateauFactor;
      earlyStopPatience = s.earlyStopPatience;
      pretrainedRun = s.pretrainedRun;
      engine = s.engine;
      views = s.views;
    }

    public Builder config(SampleCnnConfig value) {
      config = value;
      return this;
    }

    public Builder variant(Variant value, Double ratio) {
      variant = value;
      r = ratio;
      return this;
    }

    public Builder labelFraction(double value) {
      labelFraction = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder maxEpochs(int value) {
      maxEpochs = value;
      return this;
    }

    public Builder batch(int tracks, int slice) {
      batchTracks = tracks;
      viewsPerSlice = slice;
      return this;
    }

    public Builder optimizer(OptimizerSettings value) {
      optimizer = value;
      return this;
    }

    public Builder schedule(int plateau, double factor, int earlyStop) {
      plateauPatience = plateau;
      plateauFactor = factor;
      earlyStopPatience = earlyStop;
      return this;
    }

    public Builder pretrainedRun(Path value) {
      pretrainedRun = value;
      return this;
    }

    public Builder engine(TrainingEngine value) {
      engine = value;
      return this;
    }

    public Builder views(Path value) {
      views = value;
      return this;
    }

    public TrainingSettings build() {
      return new TrainingSettings(config, variant, r, labelFraction, seed, maxEpochs, batchTracks, viewsPerSlice,
          optimizer, plateauPatience, plateauFactor, earlyStopPatience, pretrainedRun, engine, views);
    }
  }
}
