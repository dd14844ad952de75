package org.soundalike.pipeline.runner;

/** A pipeline's input (folder, catalog, manifest, option) cannot be used; the message names it and why. */
public class PipelineInputException extends RuntimeException {

  public PipelineInputException(String message) {
    super(message);
  }

  public PipelineInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
