package org.soundalike.ui.service;

/** An uploaded file the search cannot use; the message names the file and says why, for the page. */
public class UploadRejectedException extends RuntimeException {

  public UploadRejectedException(String message) {
    super(message);
  }

  public UploadRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
