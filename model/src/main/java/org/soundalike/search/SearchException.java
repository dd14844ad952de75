package org.soundalike.search;

/** A failure of the vector store: indexing, querying or administering the track index. */
public class SearchException extends RuntimeException {

  public SearchException(String message) {
    super(message);
  }

  public SearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
