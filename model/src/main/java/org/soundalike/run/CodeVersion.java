package org.soundalike.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version and git commit, recorded in every artifact's provenance. */
public final class CodeVersion {

  private static final String RESOURCE = "/soundalike-version.properties";

  private CodeVersion() {}

  /** For example {@code 0.1.0-SNAPSHOT+3f2a9c1}. */
  public static String current() {
    Properties properties = new Properties();
    try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String version = properties.getProperty("version", "unknown");
    String commit = properties.getProperty("commit", "");
    return commit.isBlank() || commit.startsWith("${") ? version : version + "+" + commit;
  }
}
