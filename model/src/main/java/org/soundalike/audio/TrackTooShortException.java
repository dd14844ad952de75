package org.soundalike.audio;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A track shorter than one excerpt: the reference code skips it silently, the product reports it
 * (METHOD.md "Data and excerpts").
 */
public class TrackTooShortException extends AudioException {

  private final String trackId;
  private final Path file;
  private final double seconds;

  /** {@code trackId} may be null when the audio is not part of a catalog (then only the file is named). */
  public TrackTooShortException(String trackId, Path file, double seconds) {
    super(message(trackId, file, seconds));
    this.trackId = trackId;
    this.file = file;
    this.seconds = seconds;
  }

  private static String message(String trackId, Path file, double seconds) {
    String name = file == null ? "?" : String.valueOf(file.getFileName());
    String who = trackId == null ? name : "track " + trackId + " (" + name + ")";
    return String.format(
        Locale.ROOT, "%s: %.2f s is shorter than one %.2f s excerpt", who, seconds, AudioSpec.excerptSeconds());
  }

  public String trackId() {
    return trackId;
  }

  public Path file() {
    return file;
  }

  public double seconds() {
    return seconds;
  }
}
