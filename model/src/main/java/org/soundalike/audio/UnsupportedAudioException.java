package org.soundalike.audio;

import java.nio.file.Path;

/**
 * A file cannot be decoded into usable audio. The message reads {@code <file>: <reason>}; {@link
 * #reason()} classifies the failure for reports and tests.
 */
public class UnsupportedAudioException extends AudioException {

  /** Why a file was refused. */
  public enum Reason {
    /** Missing, a directory, a device or a pipe (which could block the reader forever). */
    NOT_A_FILE,
    EMPTY_FILE,
    /** FFmpeg recognises no audio container in it (text, random bytes, an unknown format). */
    NOT_AUDIO,
    /** A container with streams, none of them audio (for example a video without sound). */
    NO_AUDIO_STREAM,
    /** An audio stream in a codec this FFmpeg build cannot decode. */
    NO_DECODER,
    /** The container opened but not one sample decoded. */
    NO_SAMPLES,
    /** Too many packets failed to decode: garbage that happened to look like audio. */
    CORRUPT,
    /** Fewer samples decoded than the container states: the file was cut short. */
    TRUNCATED,
    /** Longer than the whole-track limit; stream it instead. */
    TOO_LONG,
    /** Any other FFmpeg failure (the message carries FFmpeg's error text). */
    DECODER_ERROR
  }

  private final Path file;
  private final Reason reason;

  public UnsupportedAudioException(Path file, Reason reason, String detail) {
    super(file + ": " + detail);
    this.file = file;
    this.reason = reason;
  }

  public Path file() {
    return file;
  }

  public Reason reason() {
    return reason;
  }
}
