package org.soundalike.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.BatchNormKind;
import org.soundalike.net.EmbeddingGraph;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.net.TrainingBatch;
import org.soundalike.net.SameDiffTrainingPass;
import org.soundalike.net.TrainingPass;
import org.soundalike.progress.ProcessUsage;

/**
 * Speed and memory of the network on this machine: inference throughput, the time of a full
 * training step (both views forward, both losses, backward, Adam), and ND4J's own GEMM rate in
 * the same JVM so the figures can be read as a fraction of what the machine does.
 */
public final class NetworkBenchmark {

  private NetworkBenchmark() {}

  /** Inference on random audio, float32; the first {@code warmup} batches are not timed. */
  public static Map<String, Object> encoder(SampleCnnConfig config, int batch, int warmup, int repeats) {
    NetworkParameters parameters = NetworkParameters.initialize(config, DataType.FLOAT, 1);
    EmbeddingGraph graph = EmbeddingGraph.build(parameters);
    INDArray audio = Nd4j.rand(DataType.FLOAT, batch, AudioSpec.EXCERPT_SAMPLES).subi(0.5);
    for (int i = 0; i < warmup; i++) {
      graph.encode(audio);
    }
    List<Double> seconds = new ArrayList<>();
    List<Double> cpuSeconds = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      long cpuStart = ProcessUsage.cpuNanos();
      graph.encode(audio);
      seconds.add((System.nanoTime() - start) / 1e9);
      cpuSeconds.add((ProcessUsage.cpuNanos() - cpuStart) / 1e9);
    }
    double median = median(seconds);
    double rate = batch / median;
    double gflops = rate * config.encoderForwardFlops() / 1e9;
    Map<String, Object> out = header("encoder", config, batch);
    out.put("secondsPerBatch", seconds);
    out.put("cpuSecondsPerBatch", cpuSeconds);
    out.put("excerptsPerSecond", round(rate));
    out.put("gflopPerExcerpt", round(config.encoderForwardFlops() / 1e9));
    out.put("gflopPerSecond", round(gflops));
    return withMachine(out, gflops);
  }

  /**
   * A full training step on random audio, float32, B tracks = 2B views, all labelled, λ = 1, on
   * {@code engine}; {@code batchNorm} other than FUSED (SameDiff whole batch only) is for comparison.
   */
  public static Map<String, Object> trainStep(
      SampleCnnConfig config, int tracks, BatchNormKind batchNorm, int viewsPerSlice, TrainingEngine engine,
      int warmup, int repeats) {
    NetworkParameters parameters = NetworkParameters.initialize(config, DataType.FLOAT, 1);
    boolean sliced = viewsPerSlice > 0 && viewsPerSlice < 2 * tracks;
    if (batchNorm != BatchNormKind.FUSED && (sliced || engine != TrainingEngine.SAMEDIFF)) {
      throw new IllegalArgumentException("batch norm " + batchNorm + " exists only in the samediff engine's whole-batch graph");
    }
    long buildStart = System.nanoTime();
    try (TrainingPass graph = batchNorm == BatchNormKind.FUSED
        ? engine.build(parameters, tracks, viewsPerSlice)
        : SameDiffTrainingPass.build(parameters, tracks, batchNorm)) {
      return trainStep(graph, config, tracks, batchNorm, sliced ? viewsPerSlice : 2 * tracks, engine,
          (System.nanoTime() - buildStart) / 1e9, warmup, repeats);
    }
  }

  private static Map<String, Object> trainStep(
      TrainingPass graph, SampleCnnConfig config, int tracks, BatchNormKind batchNorm, int viewsPerSlice,
      TrainingEngine engine, double buildSeconds, int warmup, int repeats) {
    NetworkParameters parameters = graph.parameters();
    AdamOptimizer adam = new AdamOptimizer(parameters, 1e-3, 1e-6);
    INDArray labels = Nd4j.rand(DataType.FLOAT, tracks, config.tags()).gt(0.8).castTo(DataType.FLOAT);
    boolean[] labelled = new boolean[tracks];
    java.util.Arrays.fill(labelled, true);
    TrainingBatch batch = new TrainingBatch(
        Nd4j.rand(DataType.FLOAT, tracks, AudioSpec.EXCERPT_SAMPLES).subi(0.5),
        Nd4j.rand(DataType.FLOAT, tracks, AudioSpec.EXCERPT_SAMPLES).subi(0.5),
        labels, labelled);
    List<Double> seconds = new ArrayList<>();
    List<Double> cpuSeconds = new ArrayList<>();
    double loss = Double.NaN;
    for (int i = 0; i < warmup + repeats; i++) {
      long start = System.nanoTime();
      long cpuStart = ProcessUsage.cpuNanos();
      TrainingPass.Result result = graph.computeGradients(batch, 1.0);
      adam.step(result.gradients(), parameters.trainable().keySet());
      if (i >= warmup) {
        seconds.add((System.nanoTime() - start) / 1e9);
        cpuSeconds.add((ProcessUsage.cpuNanos() - cpuStart) / 1e9);
      }
      loss = result.losses().total();
    }
    double median = median(seconds);
    int views = 2 * tracks;
    // Training ≈ forward + backward (data and weight gradients) ≈ 3 × forward FLOPs (+1 forward
    // when micro-batched, which recomputes it; not counted: this is useful work per second).
    double gflops = 3 * views * config.encoderForwardFlops() / median / 1e9;
    Map<String, Object> out = header("train-step", config, tracks);
    out.put("views", views);
    out.put("engine", engine.label());
    out.put("batchNorm", batchNorm.name().toLowerCase(java.util.Locale.ROOT));
    out.put("viewsPerSlice", viewsPerSlice);
    out.put("graphBuildSeconds", round(buildSeconds));
    out.put("secondsPerStep", seconds);
    out.put("medianSecondsPerStep", round(median));
    // On a shared machine the wall time mostly measures the other processes; CPU seconds
    // (all threads of this process) say what the step costs.
    out.put("cpuSecondsPerStep", cpuSeconds);
    out.put("excerptsPerSecond", round(views / median));
    out.put("gflopPerSecond", round(gflops));
    out.put("lastLoss", loss);
    return withMachine(out, gflops);
  }

  /** ND4J float GEMM rate (GFLOP/s) on 1024×1024 matrices, best of a few runs. */
  public static double gemmGflops() {
    int n = 1024;
    INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray c = Nd4j.create(DataType.FLOAT, n, n);
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 8; i++) {
      long start = System.nanoTime();
      a.mmuli(b, c);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return 2.0 * n * n * n / best / 1e9;
  }



  private static Map<String, Object> header(String what, SampleCnnConfig config, int batch) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", what);
    out.put("config", config.name());
    out.put("batch", batch);
    return out;
  }

  private static Map<String, Object> withMachine(Map<String, Object> out, double gflops) {
    double gemm = gemmGflops();
    out.put("nd4jGemmGflopPerSecond", round(gemm));
    out.put("ratioToGemm", round(gflops / gemm));
    out.put("peakResidentGiB", round(ProcessUsage.peakResidentGiB()));
    out.put("threads", Runtime.getRuntime().availableProcessors());
    return out;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
