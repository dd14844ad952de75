package org.soundalike.run;

/** A run.json cannot be read or written; the message names the file and the reason. */
public class RunProvenanceException extends RuntimeException {

  public RunProvenanceException(String message, Throwable cause) {
    super(message, cause);
  }

  public RunProvenanceException(String message) {
    super(message);
  }
}
