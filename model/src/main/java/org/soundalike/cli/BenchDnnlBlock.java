package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.net.dnnl.BlockBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike bench dnnl-block}: every SampleCNN layer's training pass on oneDNN vs SameDiff. */
@Command(
    name = "dnnl-block",
    mixinStandardHelpOptions = true,
    description = "Time forward+backward of each SampleCNN layer shape on oneDNN primitives and on the SameDiff path;"
        + " sums them into the encoder's share of a training step. Prints JSON (per-layer lines on stderr).")
public final class BenchDnnlBlock implements Callable<Integer> {

  @Option(names = "--config", defaultValue = "paper", description = "paper or compact (default: ${DEFAULT-VALUE})")
  String config;

  @Option(names = "--views", defaultValue = "8", description = "excerpts through the encoder per step (default: ${DEFAULT-VALUE})")
  int views;

  @Option(names = "--engines", split = ",", defaultValue = "DNNL,SAMEDIFF",
      description = "any of DNNL (oneDNN, fp32), DNNL_BF16 (oneDNN, bf16) and SAMEDIFF (default: ${DEFAULT-VALUE})")
  List<BlockBenchmark.Engine> engines;

  @Option(names = "--warmup", defaultValue = "2", description = "untimed passes per layer first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--repeats", defaultValue = "5", description = "timed passes per layer; medians are reported (default: ${DEFAULT-VALUE})")
  int repeats;

  @Override
  public Integer call() throws Exception {
    System.out.println(new ObjectMapper().writeValueAsString(BlockBenchmark.run(
        SampleCnnConfig.named(config), views, EnumSet.copyOf(engines), warmup, repeats, System.err)));
    return 0;
  }
}
