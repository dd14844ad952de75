package org.soundalike.audio;

import java.nio.file.Path;

/**
 * Checks whether files are usable for the method, streaming each one through the decoder so
 * that memory stays bounded whatever the length: decodable, at least one excerpt long. Silent
 * tracks are usable (and flagged in their facts).
 */
public final class AudioInspector {

  private final AudioDecoder decoder;

  public AudioInspector(AudioDecoder decoder) {
    this.decoder = decoder;
  }

  /** Never throws for bad audio: the reason is in {@link Inspection#error()}. */
  public Inspection inspect(Path file) {
    EvaluationWindows windows = EvaluationWindows.counting();
    AudioFacts facts;
    try {
      facts = decoder.stream(file, windows);
    } catch (AudioException e) {
      return new Inspection(file, null, 0, e.getMessage());
    } catch (RuntimeException e) {
      // A failure nobody classified yet still belongs to this file only, not to the whole run.
      return new Inspection(file, null, 0, file + ": unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    try {
      Excerpts.requireOneExcerpt(null, file, facts.samples());
    } catch (TrackTooShortException e) {
      return new Inspection(file, facts, 0, e.getMessage());
    }
    return new Inspection(file, facts, windows.count(), null);
  }
}
