package org.soundalike.encode;

/** A track could not be encoded (unreadable audio, too short, an interrupted call). */
public class EncodingException extends RuntimeException {

  public EncodingException(String message) {
    super(message);
  }

  public EncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
