package org.soundalike.ui.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.soundalike.eval.report.ExperimentReport;
import org.soundalike.eval.report.ReportException;
import org.soundalike.eval.report.ReportFiles;

/** Reads {@code report.json} from a results folder, as the model's {@link ReportFiles} wrote it. */
public final class ReportFile {

  public static final String NAME = ReportFiles.JSON_FILE;

  private ReportFile() {}

  /**
   * @return empty when the folder has no report yet
   * @throws ResultsFileException when the file exists but is not a valid report
   */
  public static Optional<ExperimentReport> read(Path resultsDir) {
    Path file = resultsDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ReportFiles.read(file));
    } catch (ReportException e) {
      throw new ResultsFileException(file + ": not a valid report (" + e.getMessage() + ")", e);
    }
  }
}
