package org.soundalike.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code soundalike} command line. Each sub-command is its own class in this package; this
 * class only lists them. Launched by {@code infra/bin/soundalike}, which handles the commands
 * that are not Java ({@code test}, {@code es}).
 */
@Command(
    name = "soundalike",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds music that sounds alike and tags music from its audio.",
    subcommands = {
      CommandLine.HelpCommand.class,
      Bench.class,
      CatalogCommand.class,
      Compare.class,
      Inspect.class,
      Corpus.class,
      Metrics.class,
      Evaluate.class,
      Report.class,
      Index.class,
      Search.class,
      Indices.class,
      ExportOnnx.class,
      Pretrain.class,
      Train.class,
      EstimateR.class,
      Embed.class,
    })
public final class SoundAlike implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SoundAlike()).execute(args));
  }
}
