package org.soundalike.dataset;

/** A view shard or its index cannot be read or written; the message names the file and the reason. */
public class ViewShardException extends RuntimeException {

  public ViewShardException(String message) {
    super(message);
  }

  public ViewShardException(String message, Throwable cause) {
    super(message, cause);
  }
}
