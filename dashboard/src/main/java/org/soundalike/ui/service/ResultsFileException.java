package org.soundalike.ui.service;

/** A results file (report.json, results.json) that cannot be read; the message names the file. */
public class ResultsFileException extends RuntimeException {

  public ResultsFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
