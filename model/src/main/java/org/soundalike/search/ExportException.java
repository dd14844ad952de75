package org.soundalike.search;

/** An export into the vector store did not complete; the alias was left where it was. */
public class ExportException extends SearchException {

  public ExportException(String message) {
    super(message);
  }

  public ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
