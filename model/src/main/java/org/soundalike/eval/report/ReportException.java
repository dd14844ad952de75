package org.soundalike.eval.report;

/** A results file or a report cannot be read or written; the message names the file and the reason. */
public class ReportException extends RuntimeException {

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
