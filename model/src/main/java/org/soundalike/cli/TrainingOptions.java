package org.soundalike.cli;

import org.soundalike.net.SampleCnnConfig;
import org.soundalike.train.OptimizerSettings;
import org.soundalike.train.TrainingEngine;
import org.soundalike.train.TrainingSettings;
import picocli.CommandLine.Option;

/** The options {@code pretrain}, {@code train} and {@code estimate-r} share; unset ones keep METHOD.md's values. */
final class TrainingOptions {

  @Option(names = "--config", defaultValue = "compact",
      description = "Network config: paper, compact (channels /4, the CPU default), small (channels /8) or tiny (tests only). Default: ${DEFAULT-VALUE}.")
  String config;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of weights, label draw, crops, augmentations, batch order.")
  long seed;

  @Option(names = "--epochs", description = "Maximum epochs (default: 200 for fine-tuning, 1000 for pre-training).")
  Integer epochs;

  @Option(names = "--batch", defaultValue = "48",
      description = "Tracks per batch B (2B views). The paper's 48: ~1.5 CPU-s and ~3.4 GiB per compact step on the "
          + "dnnl engine; with --config paper use ~8 (memory). Default: ${DEFAULT-VALUE}.")
  int batch;

  @Option(names = "--views-per-slice", defaultValue = "0",
      description = "Run the encoder over slices of this many views (bounded memory; 0 = the whole batch at once; "
          + "--engine samediff only).")
  int viewsPerSlice;

  @Option(names = "--engine",
      description = "What computes the steps: dnnl (encoder on oneDNN primitives, float; 4-5x less CPU) or samediff "
          + "(all in SameDiff; the fallback, and the only one with --views-per-slice). A resumed run keeps its engine. "
          + "Default: dnnl on ND4J's CPU backend, samediff on CUDA.")
  String engine;

  @Option(names = "--lr", description = "Adam's initial learning rate (default: 1e-3 fine-tuning, 3e-4 pre-training).")
  Double learningRate;

  @Option(names = "--weight-decay", description = "Adam's L2 weight decay (default: 1e-6 fine-tuning, 0 pre-training).")
  Double weightDecay;

  @Option(names = "--plateau-patience", description = "ReduceLROnPlateau patience in epochs (default 5; 0 = off).")
  Integer plateauPatience;

  @Option(names = "--plateau-factor", defaultValue = "0.1", description = "Learning-rate factor on a plateau. Default: ${DEFAULT-VALUE}.")
  double plateauFactor;

  @Option(names = "--early-stop", description = "Stop after this many epochs without improvement (default 10; 0 = off).")
  Integer earlyStop;

  SampleCnnConfig networkConfig() {
    return SampleCnnConfig.named(config);
  }

  /** {@code base} with every option given on the command line applied. */
  TrainingSettings apply(TrainingSettings base, int defaultEpochs) {
    OptimizerSettings optimizer = new OptimizerSettings(
        learningRate != null ? learningRate : base.optimizer().learningRate(),
        weightDecay != null ? weightDecay : base.optimizer().weightDecay());
    return base.withEpochs(epochs != null ? epochs : defaultEpochs)
        .withEngine(engine != null ? TrainingEngine.named(engine) : base.engine())
        .withBatch(batch, viewsPerSlice)
        .withOptimizer(optimizer)
        .withSchedule(
            plateauPatience != null ? plateauPatience : base.plateauPatience(),
            plateauFactor,
            earlyStop != null ? earlyStop : base.earlyStopPatience());
  }
}
