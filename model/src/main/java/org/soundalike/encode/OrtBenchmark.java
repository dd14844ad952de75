package org.soundalike.encode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.progress.ProcessUsage;

/**
 * Inference speed of an exported network on ONNX Runtime, measured like the ND4J encoder
 * benchmark (random audio, warm-up, median of timed batches, process CPU time). Touches no ND4J
 * class, so that a JVM running only this measures ORT without ND4J's natives loaded.
 */
public final class OrtBenchmark {

  private OrtBenchmark() {}

  public static Map<String, Object> encoder(
      Path model, SampleCnnConfig config, int batch, int threads, boolean spinning, int warmup, int repeats) {
    List<float[]> audio = randomExcerpts(batch, 1);
    List<Double> seconds = new ArrayList<>();
    List<Double> cpuSeconds = new ArrayList<>();
    long loadStart = System.nanoTime();
    try (OrtExcerptEncoder encoder = OrtExcerptEncoder.open(model, threads, batch, spinning)) {
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      for (int i = 0; i < warmup; i++) {
        encoder.encode(audio);
      }
      for (int i = 0; i < repeats; i++) {
        long start = System.nanoTime();
        long cpuStart = ProcessUsage.cpuNanos();
        encoder.encode(audio);
        seconds.add((System.nanoTime() - start) / 1e9);
        cpuSeconds.add((ProcessUsage.cpuNanos() - cpuStart) / 1e9);
      }
      double median = median(seconds);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("engine", "onnxruntime");
      out.put("intraOpThreads", threads);
      out.put("spinning", spinning);
      out.put("cpusAllowed", cpusAllowed());
      out.put("sessionLoadSeconds", round(loadSeconds));
      out.put("secondsPerBatch", rounded(seconds));
      out.put("cpuSecondsPerBatch", rounded(cpuSeconds));
      out.put("excerptsPerSecond", round(batch / median));
      out.put("excerptsPerCpuSecond", round(excerptsPerCpuSecond(batch, cpuSeconds)));
      out.put("gflopPerSecond", round(batch / median * config.encoderForwardFlops() / 1e9));
      out.put("peakResidentGiBSoFar", round(ProcessUsage.peakResidentGiB()));
      return out;
    }
  }

  /** Uniform noise in [-0.5, 0.5): the network's cost does not depend on the content. */
  public static List<float[]> randomExcerpts(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<float[]> excerpts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] excerpt = new float[AudioSpec.EXCERPT_SAMPLES];
      for (int j = 0; j < excerpt.length; j++) {
        excerpt[j] = (float) (random.nextDouble() - 0.5);
      }
      excerpts.add(excerpt);
    }
    return excerpts;
  }

  /** The 1-, 5- and 15-minute load averages: how busy the shared machine was. */
  public static List<Double> loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return List.of(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * The CPUs the calling thread may run on ({@code Cpus_allowed_list}): a native library that
   * pins the caller would leave the threads it starts later on one core.
   */
  public static String cpusAllowed() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
        if (line.startsWith("Cpus_allowed_list:")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "";
    }
    return "";
  }



  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static List<Double> rounded(List<Double> values) {
    return values.stream().map(OrtBenchmark::round).toList();
  }

  /**
   * Excerpts over the CPU-seconds of all timed batches together: the process CPU clock ticks in
   * 10 ms steps, too coarse for one batch of the compact network (~20-30 ms).
   */
  public static double excerptsPerCpuSecond(int batch, List<Double> cpuSecondsPerBatch) {
    double total = cpuSecondsPerBatch.stream().mapToDouble(Double::doubleValue).sum();
    return batch * cpuSecondsPerBatch.size() / total;
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
