package org.soundalike.ui.service;

import java.util.List;
import java.util.Locale;
import org.soundalike.audio.AudioSpec;

/**
 * What an upload may be: one of the formats curators use, at most {@code maxBytes}, and at least
 * one model excerpt long (the network cannot embed less than 59,049 samples, about 2.68 s).
 */
public record UploadPolicy(long maxBytes, double maxSeconds) {

  /** 20 MB: a ten-minute MP3 at 256 kbit/s. */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
  /** Whole-track decoding holds the track in memory: 15 min of mono float is ~80 MB. */
  public static final double DEFAULT_MAX_SECONDS = 15 * 60;
  public static final List<String> EXTENSIONS = List.of("mp3", "ogg", "flac", "wav");

  public static UploadPolicy defaults() {
    return new UploadPolicy(DEFAULT_MAX_BYTES, DEFAULT_MAX_SECONDS);
  }

  public double minSeconds() {
    return AudioSpec.EXCERPT_SAMPLES / (double) AudioSpec.SAMPLE_RATE;
  }

  /** "20 MB". */
  public String maxSizeText() {
    double mb = maxBytes / (1024.0 * 1024.0);
    return (mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f", mb) : String.format(Locale.ROOT, "%.1f", mb))
        + " MB";
  }

  /** @throws UploadRejectedException when the name has none of the accepted extensions */
  public void checkName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (EXTENSIONS.stream().noneMatch(e -> lower.endsWith("." + e))) {
      throw new UploadRejectedException(UploadRejectedException.Reason.NOT_AUDIO, fileName + ": not an audio file this search accepts ("
          + String.join(", ", EXTENSIONS) + ")");
    }
  }

  /** @throws UploadRejectedException when the file is over the cap */
  public void checkSize(String fileName, long bytes) {
    if (bytes > maxBytes) {
      throw new UploadRejectedException(UploadRejectedException.Reason.TOO_LARGE, String.format(Locale.ROOT, "%s: %.1f MB is over the %s upload limit",
          fileName, bytes / (1024.0 * 1024.0), maxSizeText()));
    }
  }
}
