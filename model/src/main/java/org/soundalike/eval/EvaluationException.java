package org.soundalike.eval;

/** The tracks handed to evaluation cannot be evaluated; the message names the track and the reason. */
public class EvaluationException extends RuntimeException {

  public EvaluationException(String message) {
    super(message);
  }
}
