package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.net.dnnl.InferenceBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike bench dnnl-encoder}: whole-encoder inference on chained oneDNN vs EmbeddingGraph. */
@Command(
    name = "dnnl-encoder",
    mixinStandardHelpOptions = true,
    description = "Time encoder inference (h = f(audio)) on chained oneDNN primitives and on the SameDiff"
        + " EmbeddingGraph, same weights and batches. Prints JSON.")
public final class BenchDnnlEncoder implements Callable<Integer> {

  @Option(names = "--config", defaultValue = "paper", description = "paper or compact (default: ${DEFAULT-VALUE})")
  String config;

  @Option(names = "--batch", defaultValue = "8", description = "excerpts per batch (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--warmup", defaultValue = "3", description = "untimed batches first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--repeats", defaultValue = "10", description = "timed batches (default: ${DEFAULT-VALUE})")
  int repeats;

  @Override
  public Integer call() throws Exception {
    System.out.println(new ObjectMapper().writeValueAsString(
        InferenceBenchmark.run(SampleCnnConfig.named(config), batch, warmup, repeats)));
    return 0;
  }
}
