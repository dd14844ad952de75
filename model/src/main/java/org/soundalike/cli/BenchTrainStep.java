package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.soundalike.net.BatchNormKind;
import org.soundalike.train.NetworkBenchmark;
import org.soundalike.train.TrainingEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soundalike bench train-step}: time of one full training step. */
@Command(
    name = "train-step",
    mixinStandardHelpOptions = true,
    description = "Time full training steps (two views forward, NT-Xent + masked BCE, backward, Adam) "
        + "on random audio; prints JSON.")
public final class BenchTrainStep implements Callable<Integer> {

  @Option(names = "--batch", defaultValue = "8", description = "tracks per step; each gives two views (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--batch-norm", defaultValue = "FUSED",
      description = "FUSED (the product's), PRIMITIVE or NONE (for comparison only) (default: ${DEFAULT-VALUE})")
  BatchNormKind batchNorm;

  @Option(names = "--slice", defaultValue = "0",
      description = "views per encoder micro-batch (gradient caching); 0 = all views at once (default: ${DEFAULT-VALUE})")
  int slice;

  @Option(names = "--engine",
      description = "dnnl (encoder on oneDNN primitives, heads in SameDiff) or samediff (default: the trainer's "
          + "default, dnnl on ND4J's CPU backend)")
  String engine;

  @Mixin BenchOptions bench = new BenchOptions(2, 5);

  @Override
  public Integer call() throws Exception {
    System.out.println(new ObjectMapper().writeValueAsString(
        NetworkBenchmark.trainStep(bench.network(), batch, batchNorm, slice, engine != null ? TrainingEngine.named(engine) : TrainingEngine.forBackend(),
            bench.warmup, bench.repeats)));
    return 0;
  }
}
