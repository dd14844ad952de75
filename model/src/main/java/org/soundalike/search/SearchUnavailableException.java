package org.soundalike.search;

import java.net.URI;

/** Elasticsearch cannot be reached; the message says how to start the project's own server. */
public final class SearchUnavailableException extends SearchException {

  public SearchUnavailableException(URI url, Throwable cause) {
    super("Elasticsearch is not reachable at " + url + " (" + describe(cause) + "). "
        + "Start the project's server with: infra/bin/soundalike es start"
        + " (or point --es-url at a running cluster)", cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
