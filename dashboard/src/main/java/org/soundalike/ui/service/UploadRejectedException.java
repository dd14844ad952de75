package org.soundalike.ui.service;

/**
 * An uploaded file the search cannot use; the message names the file and says why, for the page,
 * and the reason tells the JSON API which status to answer with.
 */
public class UploadRejectedException extends RuntimeException {

  /** Why an upload was refused. */
  public enum Reason { NOT_AUDIO, TOO_LARGE, UNDECODABLE, TOO_SHORT, BUSY }

  private final Reason reason;

  public UploadRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public UploadRejectedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
