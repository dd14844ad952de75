package org.soundalike.cli;

import org.soundalike.net.SampleCnnConfig;
import picocli.CommandLine.Option;

/**
 * {@code --config}, {@code --warmup} and {@code --repeats} of the network benchmarks. Each command
 * sets its own defaults by initialising its mixin ({@code @Mixin BenchOptions timing = new BenchOptions(2, 5)}):
 * picocli keeps an initialised mixin and shows its values as the defaults.
 */
final class BenchOptions {

  @Option(names = "--config", defaultValue = "paper", description = "paper or compact (default: ${DEFAULT-VALUE})")
  String config;

  @Option(names = "--warmup", description = "untimed runs (steps, batches or passes) first (default: ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--repeats", description = "timed runs; medians are reported (default: ${DEFAULT-VALUE})")
  int repeats;

  BenchOptions(int warmup, int repeats) {
    this.warmup = warmup;
    this.repeats = repeats;
  }

  SampleCnnConfig network() {
    return SampleCnnConfig.named(config);
  }
}
