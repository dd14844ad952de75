package org.soundalike.cli;

import java.net.URI;
import org.soundalike.search.EsConnection;
import picocli.CommandLine.Option;

/** {@code --es-url} for every command that talks to Elasticsearch (credentials: environment only). */
public final class EsOptions {

  @Option(names = "--es-url", paramLabel = "URL", defaultValue = "${env:SOUNDALIKE_ES_URL:-http://127.0.0.1:9200}",
      description = "Elasticsearch to use (default: ${DEFAULT-VALUE}, the one 'soundalike es start' runs). "
          + "Credentials only from the environment: " + EsConnection.API_KEY_ENV + ", or "
          + EsConnection.USER_ENV + " + " + EsConnection.PASSWORD_ENV + ".")
  URI url;

  public EsConnection open() {
    return EsConnection.open(url);
  }
}
