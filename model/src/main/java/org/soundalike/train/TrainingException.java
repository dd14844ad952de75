package org.soundalike.train;

/** Training cannot go on (a non-finite loss, a batch that does not fit the run, a bad run folder). */
public class TrainingException extends RuntimeException {

  public TrainingException(String message) {
    super(message);
  }

  public TrainingException(String message, Throwable cause) {
    super(message, cause);
  }
}
