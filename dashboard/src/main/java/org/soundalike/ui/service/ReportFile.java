package org.soundalike.ui.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads {@code report.json} from a results folder. */
public final class ReportFile {

  public static final String NAME = "report.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ReportFile() {}

  /**
   * @return empty when the folder has no report yet
   * @throws ResultsFileException when the file exists but is not a valid report
   */
  public static Optional<Report> read(Path resultsDir) {
    Path file = resultsDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), Report.class));
    } catch (IOException e) {
      throw new ResultsFileException(file + ": not a valid report (" + e.getMessage() + ")", e);
    }
  }
}
