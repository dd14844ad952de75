package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.soundalike.net.dnnl.InferenceBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soundalike bench dnnl-encoder}: whole-encoder inference on chained oneDNN vs EmbeddingGraph. */
@Command(
    name = "dnnl-encoder",
    mixinStandardHelpOptions = true,
    description = "Time encoder inference (h = f(audio)) on chained oneDNN primitives and on the SameDiff"
        + " EmbeddingGraph, same weights and batches. Prints JSON.")
public final class BenchDnnlEncoder implements Callable<Integer> {

  @Option(names = "--batch", defaultValue = "8", description = "excerpts per batch (default: ${DEFAULT-VALUE})")
  int batch;

  @Mixin BenchOptions bench = new BenchOptions(3, 10);

  @Override
  public Integer call() throws Exception {
    System.out.println(new ObjectMapper().writeValueAsString(
        InferenceBenchmark.run(bench.network(), batch, bench.warmup, bench.repeats)));
    return 0;
  }
}
