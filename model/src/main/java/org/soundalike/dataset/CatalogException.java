package org.soundalike.dataset;

/** A catalog's metadata cannot be used; the message names the file and the line. */
public class CatalogException extends RuntimeException {

  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
