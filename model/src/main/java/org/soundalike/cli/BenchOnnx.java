package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.encode.OrtBenchmark;
import org.soundalike.onnx.UntrainedExport;
import org.soundalike.progress.ProcessUsage;
import org.soundalike.train.NetworkBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike bench onnx}: ONNX Runtime and ND4J inference side by side, in one JVM. */
@Command(
    name = "onnx",
    mixinStandardHelpOptions = true,
    description = {
      "Time inference of the same network on ONNX Runtime and on ND4J; prints JSON.",
      "--engine both runs ORT, then ND4J, then ORT again (ORT with ND4J's natives loaded).",
      "For ORT alone in a JVM, give --model (written by export-onnx) and --engine onnx:",
      "without --model the network is exported first, which loads ND4J."
    })
public final class BenchOnnx implements Callable<Integer> {

  @Option(names = "--config", defaultValue = "paper", description = "paper or compact (default: ${DEFAULT-VALUE})")
  String config;

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

  @Option(names = "--warmup", defaultValue = "3", description = "untimed batches first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--repeats", defaultValue = "10", description = "timed batches (default: ${DEFAULT-VALUE})")
  int repeats;

  @Override
  public Integer call() throws Exception {
    SampleCnnConfig network = SampleCnnConfig.named(config);
    if (!List.of("onnx", "nd4j", "both").contains(engine)) {
      throw new IllegalArgumentException("--engine must be onnx, nd4j or both, not " + engine);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("benchmark", "onnx");
    out.put("config", network.name());
    out.put("batch", batch);
    out.put("gflopPerExcerpt", network.encoderForwardFlops() / 1e9);
    out.put("cores", Runtime.getRuntime().availableProcessors());
    out.put("ompNumThreads", System.getenv().getOrDefault("OMP_NUM_THREADS", ""));
    out.put("ompWaitPolicy", System.getenv().getOrDefault("OMP_WAIT_POLICY", ""));
    out.put("loadAverageAtStart", OrtBenchmark.loadAverage());
    Path file = model;
    Path temporary = null;
    if (!engine.equals("nd4j") && file == null) {
      temporary = Files.createTempDirectory("soundalike-bench-onnx");
      file = UntrainedExport.write(network, 1, List.of(), CodeVersion.current(), temporary.resolve(config + ".onnx"));
      out.put("exportedInThisJvm", true);
    }
    try {
      if (!engine.equals("nd4j")) {
        out.put("onnx", OrtBenchmark.encoder(file, network, batch, threads, spinning, warmup, repeats));
      }
      if (!engine.equals("onnx")) {
        out.put("nd4j", NetworkBenchmark.encoder(network, batch, warmup, repeats));
        out.put("cpusAllowedAfterNd4j", OrtBenchmark.cpusAllowed());
      }
      if (engine.equals("both")) {
        out.put("onnxAfterNd4j", OrtBenchmark.encoder(file, network, batch, threads, spinning, warmup, repeats));
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
}
