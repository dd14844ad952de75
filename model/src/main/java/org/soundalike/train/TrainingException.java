package org.soundalike.train;

/** Training cannot go on (a non-finite loss, a batch that does not fit the run). */
public class TrainingException extends RuntimeException {

  public TrainingException(String message) {
    super(message);
  }
}
