package org.soundalike.train;

import java.util.List;

/**
 * Where a run stands after an epoch: what a checkpoint stores besides the arrays. The random
 * position needs no state: every draw (batch order, crops, augmentations) is derived from the
 * seed and the epoch, so resuming at epoch e replays exactly what an uninterrupted run would.
 *
 * @param epochs epochs finished
 * @param learningRate the rate for the next epoch (after any plateau reduction)
 * @param bestValidation lowest validation loss so far (+∞ before the first epoch)
 * @param bestEpoch the epoch that reached it (0 before the first epoch)
 * @param plateauEpochs epochs without improvement since the last improvement or LR reduction
 * @param adamSteps Adam's step count (bias correction)
 * @param history one record per finished epoch
 * @param stopReason null while the run may go on; else why it stopped
 */
public record TrainingState(
    int epochs,
    double learningRate,
    double bestValidation,
    int bestEpoch,
    int plateauEpochs,
    int adamSteps,
    List<EpochRecord> history,
    String stopReason) {

  public TrainingState {
    history = List.copyOf(history);
  }

  public static TrainingState fresh(double learningRate) {
    return new TrainingState(0, learningRate, Double.POSITIVE_INFINITY, 0, 0, 0, List.of(), null);
  }

  public boolean finished() {
    return stopReason != null;
  }

  /** Epochs since the best one (early stopping counts these). */
  public int epochsWithoutImprovement() {
    return epochs - bestEpoch;
  }
}
