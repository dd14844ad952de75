package org.soundalike.audio;

/** Audio cannot be used for the method; the message names the file (and track) and the reason. */
public class AudioException extends RuntimeException {

  public AudioException(String message) {
    super(message);
  }

  public AudioException(String message, Throwable cause) {
    super(message, cause);
  }
}
