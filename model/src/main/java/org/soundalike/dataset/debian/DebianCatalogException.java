package org.soundalike.dataset.debian;

import org.soundalike.dataset.CatalogException;

/** A Debian package cannot be fetched, read or used for the catalog; the message names it. */
public final class DebianCatalogException extends CatalogException {

  public DebianCatalogException(String message) {
    super(message);
  }

  public DebianCatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
