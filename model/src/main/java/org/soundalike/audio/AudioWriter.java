package org.soundalike.audio;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes float PCM to an audio file whose extension picks the format: {@code wav} (16-bit PCM),
 * {@code flac}, {@code mp3}, {@code ogg} (Vorbis), {@code m4a} (AAC) or {@code opus}. For test
 * fixtures and benchmarks; samples are planar, one array per channel, values in [-1, 1].
 *
 * <p>Use {@link #write(Path, int, float[]...)} for a whole signal, or {@link #open} and write
 * chunks to produce long files in bounded memory. Not thread-safe; one writer per file.
 */
public final class AudioWriter implements AutoCloseable {

  /** How each extension is encoded; the lossy ones at bit rates that keep music transparent enough for tests. */
  private record Encoding(String muxer, String codec, int bitRate, int fixedSampleRate, boolean stereoOnly) {}

  private static final Map<String, Encoding> ENCODINGS =
      Map.of(
          "wav", new Encoding("wav", "pcm_s16le", 0, 0, false),
          "flac", new Encoding("flac", "flac", 0, 0, false),
          "mp3", new Encoding("mp3", "libmp3lame", 192_000, 0, false),
          // FFmpeg's own Vorbis encoder (libvorbis is not in this build) encodes only stereo.
          "ogg", new Encoding("ogg", "vorbis", 0, 0, true),
          "m4a", new Encoding("ipod", "aac", 192_000, 0, false),
          // Opus runs at 48 kHz inside; the recorder resamples to it.
          "opus", new Encoding("opus", "libopus", 128_000, 48_000, false));

  private final Path file;
  private final int sampleRate;
  private final int channels;
  private final boolean upmix;
  private final FFmpegFrameRecorder recorder;

  private AudioWriter(Path file, int sampleRate, int channels, int bitRate) {
    Ffmpeg.init();
    Encoding encoding = ENCODINGS.get(extension(file));
    if (encoding == null) {
      throw new AudioException(file + ": cannot write this extension; use one of " + extensions());
    }
    if (channels < 1 || sampleRate < 1) {
      throw new IllegalArgumentException(file + ": need at least one channel and a positive rate");
    }
    this.file = file;
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.upmix = encoding.stereoOnly() && channels == 1;
    int encodedChannels = upmix ? 2 : channels;
    recorder = new FFmpegFrameRecorder(file.toFile(), encodedChannels);
    recorder.setFormat(encoding.muxer());
    recorder.setAudioCodecName(encoding.codec());
    recorder.setSampleRate(encoding.fixedSampleRate() > 0 ? encoding.fixedSampleRate() : sampleRate);
    recorder.setAudioChannels(encodedChannels);
    if (encoding.bitRate() > 0) {
      recorder.setAudioBitrate(bitRate > 0 ? bitRate : encoding.bitRate());
    }
    try {
      recorder.start();
    } catch (FrameRecorder.Exception | RuntimeException e) {
      releaseQuietly();
      throw new AudioException(file + ": cannot start the " + encoding.codec() + " encoder: " + e.getMessage(), e);
    }
  }

  /** Starts a file of {@code channels} channels at {@code sampleRate} Hz; feed it with {@link #write(float[]...)}. */
  public static AudioWriter open(Path file, int sampleRate, int channels) {
    return new AudioWriter(file, sampleRate, channels, 0);
  }

  /** As {@link #open(Path, int, int)}, at {@code bitRate} bit/s for the lossy formats. */
  public static AudioWriter open(Path file, int sampleRate, int channels, int bitRate) {
    return new AudioWriter(file, sampleRate, channels, bitRate);
  }

  /** Writes a whole signal: one array per channel, all the same length. */
  public static void write(Path file, int sampleRate, float[]... channels) {
    try (AudioWriter writer = open(file, sampleRate, channels.length)) {
      writer.write(channels);
    }
  }

  /** The extensions this writer can produce. */
  public static Set<String> extensions() {
    return new TreeSet<>(ENCODINGS.keySet());
  }

  /** Appends one chunk: one array per channel, all the same length. */
  public void write(float[]... chunk) {
    if (chunk.length != channels) {
      throw new IllegalArgumentException(file + ": expected " + channels + " channels, got " + chunk.length);
    }
    int length = chunk[0].length;
    FloatBuffer[] planes = new FloatBuffer[upmix ? 2 : channels];
    for (int c = 0; c < planes.length; c++) {
      float[] plane = chunk[upmix ? 0 : c];
      if (plane.length != length) {
        throw new IllegalArgumentException(file + ": channels differ in length");
      }
      planes[c] = FloatBuffer.wrap(plane);
    }
    try {
      recorder.recordSamples(sampleRate, planes.length, planes);
    } catch (FrameRecorder.Exception e) {
      throw new AudioException(file + ": cannot encode: " + e.getMessage(), e);
    }
  }

  /** Flushes the encoder and finishes the container (headers that state the duration are written here). */
  @Override
  public void close() {
    try {
      recorder.stop();
      recorder.release();
    } catch (FrameRecorder.Exception e) {
      throw new AudioException(file + ": cannot finish the file: " + e.getMessage(), e);
    }
  }

  private void releaseQuietly() {
    try {
      recorder.release();
    } catch (FrameRecorder.Exception ignored) {
      // Already failing with the start error, which is the one to report.
    }
  }

  static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
