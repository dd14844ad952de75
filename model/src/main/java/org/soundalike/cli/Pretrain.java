package org.soundalike.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.train.TrainingSettings;
import org.soundalike.train.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soundalike pretrain --catalog DIR --out RUN}: SimCLR pre-training (L_SSL only), the source of technique p. */
@Command(
    name = "pretrain",
    mixinStandardHelpOptions = true,
    description = {
      "Pre-trains the encoder and projector with L_SSL alone on augmented views of the training split (labels unused).",
      "Adam lr 3e-4 for a fixed number of epochs; a checkpoint every epoch; rerunning the command resumes."
    })
public final class Pretrain implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** The paper pre-trains MTG-Jamendo for 1,000 epochs (MagnaTagATune 10,000). */
  private static final int EPOCHS = 1000;

  @Option(names = "--catalog", required = true, description = "Catalog folder (generic, MTG-Jamendo or MagnaTagATune).")
  Path catalogDir;

  @Option(names = "--out", required = true, description = "Run folder (created; resumed if it holds a checkpoint).")
  Path out;

  @Mixin ViewsOption views;

  @Mixin TrainingOptions options;

  @Override
  public Integer call() {
    return TrainCommands.execute("pretrain", spec.commandLine().getErr(), () -> {
      Catalog catalog = Catalogs.open(catalogDir);
      TrainingSettings settings = views.apply(options.apply(
          TrainingSettings.defaults(options.networkConfig(), Variant.PRETRAIN, null, 1, options.seed, null), EPOCHS));
      return TrainCommands.train(catalog, out, settings, spec.commandLine().getOut());
    });
  }
}
