package org.soundalike.audio;

import java.nio.file.Path;

/**
 * What {@link AudioInspector} found in one file.
 *
 * @param facts what decoding established; null when the file could not be decoded
 * @param excerpts evaluation windows the track holds (0 when unusable)
 * @param error why the file cannot be used, or null when it can
 */
public record Inspection(Path file, AudioFacts facts, int excerpts, String error) {

  public boolean ok() {
    return error == null;
  }
}
