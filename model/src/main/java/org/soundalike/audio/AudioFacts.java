package org.soundalike.audio;

import java.nio.file.Path;

/**
 * What decoding a file established: the source as found (container, codec, original rate and
 * channels) and the result at {@link AudioSpec#SAMPLE_RATE} (length, peak level, silence).
 *
 * @param file the decoded file
 * @param container FFmpeg's demuxer name, for example {@code ogg} or {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param codec FFmpeg's codec name, for example {@code mp3}, {@code vorbis}, {@code pcm_s16le}
 * @param originalSampleRate the source's sample rate in Hz, before resampling
 * @param channels the source's channel count, before the downmix to mono
 * @param samples mono samples decoded at {@link AudioSpec#SAMPLE_RATE}
 * @param peak the largest absolute sample value of the mono result
 */
public record AudioFacts(
    Path file, String container, String codec, int originalSampleRate, int channels, long samples, float peak) {

  /**
   * Peak below which a track counts as silent: -60 dBFS. Lossy codecs leave a noise floor well
   * below it on digital silence, and nothing musical fits under it.
   */
  public static final float SILENCE_PEAK = 0.001f;

  /** Duration of the decoded mono audio in seconds. */
  public double seconds() {
    return samples / (double) AudioSpec.SAMPLE_RATE;
  }

  /** Silence is valid audio, but a silent track teaches the network nothing: callers may skip it. */
  public boolean silent() {
    return peak < SILENCE_PEAK;
  }
}
