package org.soundalike.audio;

import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * A clip of a track as a person would upload it: {@code seconds} from {@code offset} of the
 * original, re-encoded to MP3 at 128 kbit/s, stereo, 44.1 kHz (LAME, in-process). The clip is cut
 * from the source's own channels and rate (resampled to 44.1 kHz by FFmpeg), not from the
 * project's mono 22,050 Hz decode, so the codec sees what it would see on a real upload.
 */
public final class Mp3Clip {

  public static final int SAMPLE_RATE = 44_100;
  public static final int CHANNELS = 2;
  public static final int BIT_RATE = 128_000;

  private Mp3Clip() {}

  /**
   * Writes the clip to {@code mp3}.
   *
   * @throws AudioException naming the source when it cannot be read or ends before the clip does
   */
  public static void cut(Path source, double offsetSeconds, double seconds, Path mp3) {
    float[][] clip = read(source, Math.round(offsetSeconds * SAMPLE_RATE), (int) Math.round(seconds * SAMPLE_RATE));
    try (AudioWriter writer = AudioWriter.open(mp3, SAMPLE_RATE, CHANNELS, BIT_RATE)) {
      writer.write(clip);
    }
  }

  /**
   * Samples [start, start + length) of the source at 44.1 kHz stereo (a mono source on both
   * channels, the first two of more). Decoded from the beginning rather than by seeking, so the offset is sample-exact in
   * every container.
   */
  static float[][] read(Path source, long start, int length) {
    Ffmpeg.init();
    float[][] out = new float[CHANNELS][length];
    long position = 0;
    int filled = 0;
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
      grabber.setSampleRate(SAMPLE_RATE);
      // The source keeps its channels: javacv's own up-mix of mono to stereo crashed in swresample
      // (SIGSEGV in swr_convert); a mono source is copied to both channels below instead.
      grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLTP);
      grabber.start();
      Frame frame;
      while (filled < length && (frame = grabber.grabSamples()) != null) {
        Buffer[] planes = frame.samples;
        int count = planes[0].limit();
        long from = Math.max(start, position);
        long to = Math.min(start + length, position + count);
        for (long s = from; s < to; s++) {
          for (int c = 0; c < CHANNELS; c++) {
            out[c][(int) (s - start)] = ((FloatBuffer) planes[Math.min(c, planes.length - 1)]).get((int) (s - position));
          }
        }
        filled += (int) Math.max(0, to - from);
        position += count;
      }
      grabber.stop();
    } catch (FrameGrabber.Exception e) {
      throw new AudioException(source + ": cannot read a clip: " + e.getMessage(), e);
    }
    if (filled < length) {
      throw new AudioException(String.format(Locale.ROOT, "%s: ends at %.1f s, before the clip's end at %.1f s",
          source, position / (double) SAMPLE_RATE, (start + length) / (double) SAMPLE_RATE));
    }
    return out;
  }
}
