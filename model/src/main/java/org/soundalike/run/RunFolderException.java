package org.soundalike.run;

/** A run folder or its run.json cannot be read or written; the message names the file and the reason. */
public class RunFolderException extends RuntimeException {

  public RunFolderException(String message, Throwable cause) {
    super(message, cause);
  }

  public RunFolderException(String message) {
    super(message);
  }
}
