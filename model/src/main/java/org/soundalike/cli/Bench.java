package org.soundalike.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code soundalike bench <part>}: measurements for docs/benchmarks.md (never timed tests). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure a performance-sensitive part; prints JSON to record in docs/benchmarks.md.",
    subcommands = {
      BenchAugment.class,
      BenchDecode.class,
      BenchCorpus.class,
      BenchMetrics.class,
      BenchTsne.class,
      BenchEncoder.class,
      BenchTrainStep.class,
      BenchKnn.class,
      BenchSegments.class,
      BenchEmbed.class,
      BenchDnnlBlock.class,
      BenchDnnlEncoder.class,
      BenchIdentity.class,
    })
public final class Bench implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
