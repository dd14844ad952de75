package org.soundalike.train;

/**
 * The schedule of METHOD.md "Training": ReduceLROnPlateau (the learning rate ×{@code plateauFactor}
 * once more than {@code plateauPatience} epochs passed without a validation improvement, PyTorch's
 * semantics), early stopping after {@code earlyStopPatience} epochs without improvement, and at
 * most {@code maxEpochs} epochs. A patience of 0 turns that rule off.
 */
record TrainingSchedule(int plateauPatience, double plateauFactor, int earlyStopPatience, int maxEpochs) {

  /** PyTorch's ReduceLROnPlateau default: an improvement must beat the best by 1e-4 relative. */
  private static final double IMPROVEMENT = 1e-4;

  static TrainingSchedule of(TrainingSettings settings) {
    return new TrainingSchedule(
        settings.plateauPatience(), settings.plateauFactor(), settings.earlyStopPatience(), settings.maxEpochs());
  }

  /**
   * What the schedule decides after an epoch.
   *
   * @param improved the epoch's validation loss is the best so far
   * @param learningRate the rate for the next epoch
   * @param reduced the plateau rule lowered the rate
   * @param stopReason null while the run goes on
   */
  record Decision(boolean improved, double bestValidation, int bestEpoch, int plateauEpochs, double learningRate,
      boolean reduced, String stopReason) {}

  /** Decides after {@code epoch} (1-based) with validation loss {@code validation}, trained at {@code learningRate}. */
  Decision after(TrainingState before, int epoch, double validation, double learningRate) {
    boolean improved = validation < before.bestValidation() * (1 - IMPROVEMENT) || before.bestEpoch() == 0;
    double best = improved ? validation : before.bestValidation();
    int bestEpoch = improved ? epoch : before.bestEpoch();
    int plateau = improved ? 0 : before.plateauEpochs() + 1;
    boolean reduced = plateauPatience > 0 && plateau > plateauPatience;
    double rate = reduced ? learningRate * plateauFactor : learningRate;
    String stop = null;
    if (earlyStopPatience > 0 && epoch - bestEpoch >= earlyStopPatience) {
      stop = "early stop (" + earlyStopPatience + " epochs without improvement)";
    } else if (epoch >= maxEpochs) {
      stop = maxEpochsReason();
    }
    return new Decision(improved, best, bestEpoch, reduced ? 0 : plateau, rate, reduced, stop);
  }

  String maxEpochsReason() {
    return "max epochs (" + maxEpochs + ")";
  }

  /** A run stopped by its epoch limit goes on when the limit is raised; an early stop is final. */
  boolean canExtend(TrainingState state) {
    return state.stopReason().startsWith("max epochs") && maxEpochs > state.epochs();
  }
}
