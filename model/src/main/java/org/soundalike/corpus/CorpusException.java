package org.soundalike.corpus;

/** The demo corpus cannot be generated, rendered or written; the message names the track or file. */
public class CorpusException extends RuntimeException {

  public CorpusException(String message) {
    super(message);
  }

  public CorpusException(String message, Throwable cause) {
    super(message, cause);
  }
}
