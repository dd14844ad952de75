package org.soundalike.onnx;

/** An ONNX export or an exported model could not be written, read or run; names the file. */
public final class OnnxExportException extends RuntimeException {

  public OnnxExportException(String message) {
    super(message);
  }

  public OnnxExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
