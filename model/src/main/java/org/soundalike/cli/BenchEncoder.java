package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.train.NetworkBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike bench encoder}: inference throughput of the SampleCNN encoder. */
@Command(
    name = "encoder",
    mixinStandardHelpOptions = true,
    description = "Time the encoder's inference on random audio (ND4J/SameDiff, float32); prints JSON.")
public final class BenchEncoder implements Callable<Integer> {

  @Option(names = "--config", defaultValue = "paper", description = "paper or compact (default: ${DEFAULT-VALUE})")
  String config;

  @Option(names = "--batch", defaultValue = "8", description = "excerpts per forward pass (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--warmup", defaultValue = "3", description = "untimed batches first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--repeats", defaultValue = "10", description = "timed batches (default: ${DEFAULT-VALUE})")
  int repeats;

  @Override
  public Integer call() throws Exception {
    System.out.println(new ObjectMapper().writeValueAsString(
        NetworkBenchmark.encoder(SampleCnnConfig.named(config), batch, warmup, repeats)));
    return 0;
  }
}
