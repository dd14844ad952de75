package org.soundalike.pipeline.traingrid;

import java.io.Serializable;

/**
 * What became of one grid cell (a line of {@code grid.jsonl}).
 *
 * @param status {@code trained} (trained or resumed to its end in this run), {@code kept} (already
 *     finished: not trained again) or {@code failed}
 * @param message the failure, null otherwise
 */
public record TrainGridOutcome(
    String run, String variant, double percent, long seed, String status, int epochs, String stopReason,
    Double bestValidationLoss, String message) implements Serializable {

  public static final String TRAINED = "trained";
  public static final String KEPT = "kept";
  public static final String FAILED = "failed";
}
