package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.soundalike.encode.OrtBenchmark;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.progress.ProcessUsage;
import org.soundalike.train.NetworkBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soundalike bench encoder}: ONNX Runtime and ND4J inference side by side, in one JVM. */
@Command(
    name = "encoder",
    mixinStandardHelpOptions = true,
    description = {
      "Time the encoder's inference on random audio, float32, on ONNX Runtime and on ND4J/SameDiff",
      "side by side (excerpts/s, per CPU-second, GFLOP/s, peak memory); prints JSON.",
      "--engine both (default): ORT alone (the export is written by a child JVM, so no ND4J class",
      "is loaded yet), then ND4J, then ORT again with ND4J's natives loaded in the same JVM."
    })
public final class BenchEncoder implements Callable<Integer> {

  @Option(names = "--model", description = "an export of the same config (default: export an untrained one)")
  Path model;

  @Option(names = "--engine", defaultValue = "both", description = "onnx, nd4j or both (default: ${DEFAULT-VALUE})")
  String engine;

  @Option(names = "--batch", defaultValue = "8", description = "excerpts per forward pass (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--threads", defaultValue = "0", description = "ORT intra-op threads, 0 = one per core (default: ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--spinning", description = "let ORT's idle threads spin (ORT's own default; off here)")
  boolean spinning;

  @Mixin BenchOptions bench = new BenchOptions(3, 10);

  @Override
  public Integer call() throws Exception {
    SampleCnnConfig network = bench.network();
    if (!List.of("onnx", "nd4j", "both").contains(engine)) {
      throw new IllegalArgumentException("--engine must be onnx, nd4j or both, not " + engine);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "encoder");
    out.put("config", network.name());
    out.put("batch", batch);
    out.put("gflopPerExcerpt", network.encoderForwardFlops() / 1e9);
    out.put("cores", Runtime.getRuntime().availableProcessors());
    out.put("ompWaitPolicy", System.getenv().getOrDefault("OMP_WAIT_POLICY", ""));
    out.put("loadAverageAtStart", OrtBenchmark.loadAverage());
    Path file = model;
    Path temporary = null;
    if (!engine.equals("nd4j") && file == null) {
      temporary = Files.createTempDirectory("soundalike-bench-encoder");
      file = IsolatedExport.untrained(network, temporary.resolve(bench.config + ".onnx"));
    }
    try {
      if (!engine.equals("nd4j")) {
        out.put("onnx", OrtBenchmark.encoder(file, network, batch, threads, spinning, bench.warmup, bench.repeats));
      }
      if (!engine.equals("onnx")) {
        Map<String, Object> nd4j = new LinkedHashMap<>(NetworkBenchmark.encoder(network, batch, bench.warmup, bench.repeats));
        nd4j.put("excerptsPerCpuSecond", perCpuSecond(nd4j));
        out.put("nd4j", nd4j);
      }
      if (engine.equals("both")) {
        out.put("onnxAfterNd4j", OrtBenchmark.encoder(file, network, batch, threads, spinning, bench.warmup, bench.repeats));
        out.put("summary", summary(out));
      }
    } finally {
      if (temporary != null) {
        Files.deleteIfExists(file);
        Files.deleteIfExists(temporary);
      }
    }
    out.put("loadAverageAtEnd", OrtBenchmark.loadAverage());
    out.put("peakResidentGiB", ProcessUsage.peakResidentGiB());
    System.out.println(new ObjectMapper().writeValueAsString(out));
    return 0;
  }

  @SuppressWarnings("unchecked")
  private double perCpuSecond(Map<String, Object> result) {
    double rate = OrtBenchmark.excerptsPerCpuSecond(batch, (List<Double>) result.get("cpuSecondsPerBatch"));
    return Math.round(rate * 100) / 100.0;
  }

  /** The side-by-side ratios: ORT over ND4J, and ORT after ND4J over ORT alone. */
  private static Map<String, Object> summary(Map<String, Object> out) {
    Map<?, ?> ort = (Map<?, ?>) out.get("onnx");
    Map<?, ?> nd4j = (Map<?, ?>) out.get("nd4j");
    Map<?, ?> after = (Map<?, ?>) out.get("onnxAfterNd4j");
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("ortOverNd4jWall", ratio(ort.get("excerptsPerSecond"), nd4j.get("excerptsPerSecond")));
    summary.put("ortOverNd4jPerCpuSecond", ratio(ort.get("excerptsPerCpuSecond"), nd4j.get("excerptsPerCpuSecond")));
    summary.put("ortAfterNd4jOverAloneWall", ratio(after.get("excerptsPerSecond"), ort.get("excerptsPerSecond")));
    summary.put("ortAfterNd4jOverAlonePerCpuSecond",
        ratio(after.get("excerptsPerCpuSecond"), ort.get("excerptsPerCpuSecond")));
    return summary;
  }

  private static double ratio(Object numerator, Object denominator) {
    return Math.round(((Number) numerator).doubleValue() / ((Number) denominator).doubleValue() * 1000) / 1000.0;
  }
}
