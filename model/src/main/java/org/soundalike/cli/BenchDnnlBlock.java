package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.net.dnnl.BlockBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soundalike bench dnnl-block}: every SampleCNN layer's training pass on oneDNN vs SameDiff. */
@Command(
    name = "dnnl-block",
    mixinStandardHelpOptions = true,
    description = "Time forward+backward of each SampleCNN layer shape on oneDNN primitives and on the SameDiff path;"
        + " sums them into the encoder's share of a training step. Prints JSON (per-layer lines on stderr).")
public final class BenchDnnlBlock implements Callable<Integer> {

  @Option(names = "--views", defaultValue = "8", description = "excerpts through the encoder per step (default: ${DEFAULT-VALUE})")
  int views;

  @Option(names = "--engines", split = ",", defaultValue = "DNNL,SAMEDIFF",
      description = "DNNL and/or SAMEDIFF (default: ${DEFAULT-VALUE})")
  List<BlockBenchmark.Engine> engines;

  @Mixin BenchOptions bench = new BenchOptions(2, 5);

  @Override
  public Integer call() throws Exception {
    System.out.println(new ObjectMapper().writeValueAsString(BlockBenchmark.run(
        bench.network(), views, EnumSet.copyOf(engines), bench.warmup, bench.repeats, System.err)));
    return 0;
  }
}
