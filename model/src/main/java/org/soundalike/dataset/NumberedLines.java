package org.soundalike.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Walks the non-blank lines of a metadata file with their location ("FILE line N"), so that a line
 * that does not parse becomes a {@link CatalogException} naming the file and the line: nothing is
 * skipped silently.
 */
final class NumberedLines {

  /** Handles one line; an {@link IllegalArgumentException} means the line is malformed. */
  @FunctionalInterface
  interface LineHandler {
    void accept(String line, String where);
  }

  private NumberedLines() {}

  /**
   * @param linesBefore how many lines {@code in} has already consumed (a header), so the numbers
   *     stay those of the file
   */
  static void forEach(BufferedReader in, Path file, int linesBefore, LineHandler handler) throws IOException {
    String line;
    int number = linesBefore;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String where = file + " line " + number;
      try {
        handler.accept(line, where);
      } catch (IllegalArgumentException e) {
        throw new CatalogException(where + ": " + e.getMessage(), e);
      }
    }
  }
}
