package org.soundalike.search;

/**
 * An export failed after its index was begun (the cluster stopped answering or refused a bulk
 * request beyond the retries): the alias did not move and the message says what was left.
 */
public final class ExportAbandonedException extends ExportException {

  public ExportAbandonedException(String message, Throwable cause) {
    super(message, cause);
  }
}
