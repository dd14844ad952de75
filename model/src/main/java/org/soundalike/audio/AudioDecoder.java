package org.soundalike.audio;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes an audio file (mp3, ogg/vorbis, opus, flac, wav, m4a/aac and whatever else the bundled
 * FFmpeg reads) to mono float PCM in [-1, 1] at {@link AudioSpec#SAMPLE_RATE}: channels averaged,
 * band-limited resampling. Every unusable file ends in an {@link UnsupportedAudioException} naming
 * the file and the reason, never in partial audio.
 *
 * <p>Thread-safe: each call owns its FFmpeg state, so one decoder can serve many threads.
 */
public final class AudioDecoder {

  /** Whole-track decoding refuses longer files: 30 min of mono float is about 160 MB of heap. */
  public static final double DEFAULT_MAX_SECONDS = 30 * 60;

  private final double maxSeconds;

  public AudioDecoder() {
    this(DEFAULT_MAX_SECONDS);
  }

  /** @param maxSeconds the longest track {@link #decode} accepts; {@link #stream} has no limit */
  public AudioDecoder(double maxSeconds) {
    if (!(maxSeconds > 0)) {
      throw new IllegalArgumentException("maxSeconds must be positive, got " + maxSeconds);
    }
    this.maxSeconds = maxSeconds;
    // Loads the natives now, so a broken install fails here rather than on the first file.
    Ffmpeg.init();
  }

  public double maxSeconds() {
    return maxSeconds;
  }

  /**
   * The whole track in memory.
   *
   * @throws UnsupportedAudioException if the file is unusable, including {@code TOO_LONG} past
   *     {@link #maxSeconds()} (checked against the stated duration before decoding, and again
   *     while decoding in case the container states none)
   */
  public DecodedAudio decode(Path file) {
    long maxSamples = (long) Math.floor(maxSeconds * AudioSpec.SAMPLE_RATE);
    try (AudioFileReader reader = AudioFileReader.open(file)) {
      double stated = reader.statedSeconds();
      if (stated > maxSeconds) {
        throw AudioFileReader.tooLong(file, String.format(Locale.ROOT, "%.0f s", stated), maxSeconds);
      }
      int expected = Double.isNaN(stated) ? AudioSpec.SAMPLE_RATE * 60 : (int) (stated * AudioSpec.SAMPLE_RATE) + 1;
      Samples samples = new Samples(Math.min(expected, (int) Math.min(maxSamples, Integer.MAX_VALUE - 8)));
      AudioFacts facts = reader.readAll(samples, maxSamples);
      return new DecodedAudio(facts, samples.toArray());
    }
  }

  /**
   * Decodes {@code file} chunk by chunk into {@code sink}, with memory bounded by one chunk
   * whatever the track's length. The checks run at the end: if this throws, discard what the sink
   * received (a truncated file, for example, delivers its partial audio first).
   */
  public AudioFacts stream(Path file, PcmSink sink) {
    try (AudioFileReader reader = AudioFileReader.open(file)) {
      return reader.readAll(sink, Long.MAX_VALUE);
    }
  }

  /**
   * Samples {@code [start, start + length)} of the track at {@link AudioSpec#SAMPLE_RATE}, read by
   * seeking instead of decoding the whole file: a training crop of a long track costs about one
   * second of decoding. Placed by the container's timestamps: sample-exact for WAV and FLAC at
   * 22,050 Hz; after resampling the crop may sit up to half a sample (23 µs) off the whole-track
   * grid, which a random crop does not notice. Makes none of the whole-file checks of
   * {@link #decode}: use it on files that {@link AudioInspector} accepted.
   *
   * @throws AudioException if the range runs past the end of the audio
   */
  public float[] decodeRange(Path file, long start, int length) {
    if (start < 0 || length < 1) {
      throw new IllegalArgumentException(file + ": bad range start " + start + ", length " + length);
    }
    try (AudioFileReader reader = AudioFileReader.open(file)) {
      return reader.readRange(start, length);
    }
  }

  /** A growing float array. */
  private static final class Samples implements PcmSink {
    private float[] data;
    private int size;

    Samples(int capacity) {
      data = new float[Math.max(1024, capacity)];
    }

    @Override
    public void accept(float[] chunk, int count) {
      if (size + count > data.length) {
        data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size + count, 2L * data.length)));
      }
      System.arraycopy(chunk, 0, data, size, count);
      size += count;
    }

    float[] toArray() {
      return size == data.length ? data : Arrays.copyOf(data, size);
    }
  }
}
