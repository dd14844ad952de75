package org.soundalike.net.dnnl;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.LayerTrainingGraph;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.Precision;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.progress.ProcessUsage;

/**
 * Times forward + backward of every SampleCNN layer shape on oneDNN ({@link DnnlConvBlock}) and on
 * the product's SameDiff path ({@link LayerTrainingGraph}), and sums the layers into the encoder's
 * share of a training step. CPU seconds (all threads of the process) are the main figure: the
 * machine is shared, so wall time depends on what else runs.
 */
public final class BlockBenchmark {

  /** Which implementations to time: oneDNN in float32 or bfloat16 ({@link Precision}), or SameDiff. */
  public enum Engine {
    DNNL(Precision.FP32), DNNL_BF16(Precision.BF16), SAMEDIFF(null);

    private final Precision precision;

    Engine(Precision precision) {
      this.precision = precision;
    }

    /** The JSON key of this engine's figures. */
    String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace("_b", "B");
    }
  }

  private BlockBenchmark() {}

  /**
   * One measurement: median wall seconds and mean CPU seconds over the repeats (the process CPU
   * clock ticks in 10 ms here; the mean of many ticked deltas is unbiased, a median is not).
   */
  private record Timing(double wall, double cpu) {
    Map<String, Object> json() {
      return Map.of("wallSeconds", round(wall), "cpuSeconds", round(cpu));
    }
  }

  public static Map<String, Object> run(
      SampleCnnConfig config, int views, Set<Engine> engines, int warmup, int repeats, java.io.PrintStream log) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("config", config.name());
    out.put("views", views);
    out.put("warmup", warmup);
    out.put("repeats", repeats);
    out.put("loadAverageBefore", loadAverage());
    NetworkParameters parameters = NetworkParameters.initialize(config, DataType.FLOAT, 1);
    List<Map<String, Object>> layers = new ArrayList<>();
    Map<Engine, double[]> dnnlSums = new java.util.EnumMap<>(Engine.class); // step CPU, step wall, forward CPU
    double sameDiffCpu = 0;
    double sameDiffWall = 0;
    long length = AudioSpec.EXCERPT_SAMPLES;
    try (DnnlContext context = new DnnlContext()) {
      for (NetworkParameters.ConvLayer layer : NetworkParameters.ConvLayer.of(config)) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("layer", layer.name());
        row.put("in", layer.in());
        row.put("out", layer.out());
        row.put("inputFrames", length);
        Nd4j.getRandom().setSeed(length);
        INDArray x = Nd4j.rand(DataType.FLOAT, views, 1, length, layer.in()).subi(0.5);
        long outLength = (length / layer.stride()) / (layer.pooled() ? SampleCnnConfig.KERNEL : 1);
        INDArray dy = Nd4j.rand(DataType.FLOAT, views, 1, outLength, layer.out()).subi(0.5);
        INDArray w = parameters.get(layer.name() + ".w");
        INDArray gamma = parameters.get(layer.name() + ".gamma");
        INDArray beta = parameters.get(layer.name() + ".beta");
        for (Engine engine : engines) {
          if (engine.precision == null) {
            continue;
          }
          try (DnnlConvBlock block = new DnnlConvBlock(context, layer, engine.precision, views, length, layer.in() > 1)) {
            Timing[] t = timeDnnl(block, x, dy, w, gamma, beta, warmup, repeats);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("setParameters", t[0].json());
            d.put("forward", t[1].json());
            d.put("backward", t[2].json());
            double cpu = t[0].cpu + t[1].cpu + t[2].cpu;
            double wall = t[0].wall + t[1].wall + t[2].wall;
            d.put("stepCpuSeconds", round(cpu));
            d.put("stepWallSeconds", round(wall));
            row.put(engine.key(), d);
            double[] sums = dnnlSums.computeIfAbsent(engine, e -> new double[3]);
            sums[0] += cpu;
            sums[1] += wall;
            sums[2] += t[1].cpu;
          }
        }
        if (engines.contains(Engine.SAMEDIFF)) {
          LayerTrainingGraph graph = LayerTrainingGraph.build(parameters, layer, views, length);
          Timing t = timeSameDiff(graph, x, dy, warmup, repeats);
          row.put("samediff", Map.of("stepCpuSeconds", round(t.cpu), "stepWallSeconds", round(t.wall)));
          sameDiffCpu += t.cpu;
          sameDiffWall += t.wall;
        }
        log.println(row);
        layers.add(row);
        length = outLength;
      }
    }
    out.put("layers", layers);
    Map<String, Object> encoder = new LinkedHashMap<>();
    for (Map.Entry<Engine, double[]> e : dnnlSums.entrySet()) {
      String key = e.getKey().key();
      double[] sums = e.getValue();
      encoder.put(key + "StepCpuSeconds", round(sums[0]));
      encoder.put(key + "StepWallSeconds", round(sums[1]));
      encoder.put(key + "ForwardCpuSeconds", round(sums[2]));
      encoder.put(key + "ForwardExcerptsPerCpuSecond", round(views / sums[2]));
      encoder.put(key + "TrainingGflopPerCpuSecond", round(3 * config.encoderForwardFlops() * views / sums[0] / 1e9));
    }
    if (dnnlSums.containsKey(Engine.DNNL) && dnnlSums.containsKey(Engine.DNNL_BF16)) {
      encoder.put("bf16SpeedupCpu", round(dnnlSums.get(Engine.DNNL)[0] / dnnlSums.get(Engine.DNNL_BF16)[0]));
    }
    if (engines.contains(Engine.SAMEDIFF)) {
      encoder.put("samediffStepCpuSeconds", round(sameDiffCpu));
      encoder.put("samediffStepWallSeconds", round(sameDiffWall));
    }
    if (engines.containsAll(Set.of(Engine.DNNL, Engine.SAMEDIFF))) {
      encoder.put("speedupCpu", round(sameDiffCpu / dnnlSums.get(Engine.DNNL)[0]));
    }
    out.put("encoder", encoder);
    out.put("loadAverageAfter", loadAverage());
    out.put("peakResidentGiB", round(ProcessUsage.peakResidentGiB()));
    return out;
  }

  /** Timings of: setParameters (weight reorder), forward, backward. */
  private static Timing[] timeDnnl(DnnlConvBlock block, INDArray x, INDArray dy, INDArray w, INDArray gamma,
      INDArray beta, int warmup, int repeats) {
    double[][] wall = new double[3][repeats];
    double[][] cpu = new double[3][repeats];
    for (int r = -warmup; r < repeats; r++) {
      long[] marks = new long[8];
      marks[0] = System.nanoTime();
      marks[1] = cpuNanos();
      block.setParameters(w, gamma, beta);
      marks[2] = System.nanoTime();
      marks[3] = cpuNanos();
      block.forward(x);
      marks[4] = System.nanoTime();
      marks[5] = cpuNanos();
      block.backward(dy);
      marks[6] = System.nanoTime();
      marks[7] = cpuNanos();
      if (r >= 0) {
        for (int p = 0; p < 3; p++) {
          wall[p][r] = (marks[2 * p + 2] - marks[2 * p]) / 1e9;
          cpu[p][r] = (marks[2 * p + 3] - marks[2 * p + 1]) / 1e9;
        }
      }
    }
    return new Timing[] {
      new Timing(median(wall[0]), mean(cpu[0])),
      new Timing(median(wall[1]), mean(cpu[1])),
      new Timing(median(wall[2]), mean(cpu[2])),
    };
  }

  private static Timing timeSameDiff(LayerTrainingGraph graph, INDArray x, INDArray dy, int warmup, int repeats) {
    double[] wall = new double[repeats];
    double[] cpu = new double[repeats];
    for (int r = -warmup; r < repeats; r++) {
      long start = System.nanoTime();
      long cpuStart = cpuNanos();
      graph.forwardBackward(x, dy);
      if (r >= 0) {
        wall[r] = (System.nanoTime() - start) / 1e9;
        cpu[r] = (cpuNanos() - cpuStart) / 1e9;
      }
    }
    return new Timing(median(wall), mean(cpu));
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  static double round(double value) {
    return Math.round(value * 1e4) / 1e4;
  }
}
