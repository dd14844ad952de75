package org.soundalike.augment;

/** An excerpt cannot be augmented; the message names the input or the step and the reason. */
public class AugmentationException extends RuntimeException {

  public AugmentationException(String message) {
    super(message);
  }

  public AugmentationException(String message, Throwable cause) {
    super(message, cause);
  }
}
