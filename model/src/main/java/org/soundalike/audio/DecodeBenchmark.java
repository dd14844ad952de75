package org.soundalike.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures decode + resample to mono {@link AudioSpec#SAMPLE_RATE} on one thread: a {@link
 * MusicLikeSignal} at 44.1 kHz stereo is written once per format, then decoded a few times after a
 * warm-up; the median run gives the speed in multiples of real time.
 */
public final class DecodeBenchmark {

  public static final int SOURCE_RATE = 44_100;
  public static final int SOURCE_CHANNELS = 2;

  private static final int CROPS = 20;

  /**
   * One format's figures.
   *
   * @param timesRealTime audio seconds decoded per wall-clock second, median run
   * @param timesRealTimeBest the same for the fastest run
   * @param timesRealTimeCpu audio seconds per second of the thread's own CPU time, median run: the
   *     figure that holds when other work shares the machine
   * @param cropMillis median wall time of one {@link AudioDecoder#decodeRange} of one excerpt at a
   *     random start (a training crop without decoding the whole track)
   */
  public record FormatResult(
      String format,
      String codec,
      long bytes,
      double encodeSeconds,
      long decodedSamples,
      double[] decodeSeconds,
      double[] decodeCpuSeconds,
      double timesRealTime,
      double timesRealTimeBest,
      double timesRealTimeCpu,
      double cropMillis) {}

  private final double seconds;
  private final int runs;

  public DecodeBenchmark(double seconds, int runs) {
    if (runs < 1 || !(seconds > 0)) {
      throw new IllegalArgumentException("need at least one run of a positive length");
    }
    this.seconds = seconds;
    this.runs = runs;
  }

  /** Writes one file per format into {@code dir}, then times its decoding. */
  public List<FormatResult> run(Path dir, List<String> formats) {
    AudioDecoder decoder = new AudioDecoder();
    // The decoder runs FFmpeg on the calling thread, so this thread's CPU time is all of its work.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<FormatResult> results = new ArrayList<>();
    for (String format : formats) {
      Path file = dir.resolve("music-like." + format);
      long start = System.nanoTime();
      writeSource(file);
      double encodeSeconds = (System.nanoTime() - start) / 1e9;
      AudioFacts facts = decoder.decode(file).facts();
      double[] times = new double[runs];
      double[] cpuTimes = new double[runs];
      for (int r = 0; r < runs; r++) {
        long begin = System.nanoTime();
        long cpuBegin = threads.getCurrentThreadCpuTime();
        decoder.stream(file, (samples, n) -> {});
        cpuTimes[r] = (threads.getCurrentThreadCpuTime() - cpuBegin) / 1e9;
        times[r] = (System.nanoTime() - begin) / 1e9;
      }
      double cropMillis = timeCrops(decoder, file, facts.samples());
      results.add(
          new FormatResult(
              format,
              facts.codec(),
              size(file),
              encodeSeconds,
              facts.samples(),
              times,
              cpuTimes,
              seconds / median(times),
              seconds / Arrays.stream(times).min().orElseThrow(),
              seconds / median(cpuTimes),
              cropMillis));
    }
    return results;
  }

  private static double timeCrops(AudioDecoder decoder, Path file, long samples) {
    SplittableRandom random = new SplittableRandom(1);
    double[] millis = new double[CROPS];
    for (int i = 0; i < CROPS; i++) {
      long start = Excerpts.randomCropStart(samples, random);
      long begin = System.nanoTime();
      decoder.decodeRange(file, start, AudioSpec.EXCERPT_SAMPLES);
      millis[i] = (System.nanoTime() - begin) / 1e6;
    }
    return median(millis);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private void writeSource(Path file) {
    MusicLikeSignal signal = new MusicLikeSignal(SOURCE_RATE, 2026);
    long total = Math.round(seconds * SOURCE_RATE);
    try (AudioWriter writer = AudioWriter.open(file, SOURCE_RATE, SOURCE_CHANNELS)) {
      for (long done = 0; done < total; ) {
        int chunk = (int) Math.min(SOURCE_RATE, total - done);
        writer.write(signal.next(chunk));
        done += chunk;
      }
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
