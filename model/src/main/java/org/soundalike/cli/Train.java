package org.soundalike.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.train.RatioEstimate;
import org.soundalike.train.TrainingSettings;
import org.soundalike.train.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soundalike train --catalog DIR --variant G --label-fraction 0.1 --out RUN}: one row of the paper's table. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Fine-tunes one variant: A (supervised only), B (a), C (p), D..O (a/c+p over the α grid), CLMR (frozen encoder).",
      "L = L_ML + (α/r)·L_SSL; Adam 1e-3, weight decay 1e-6, ReduceLROnPlateau x0.1 after 5 epochs, early stop after 10.",
      "A checkpoint every epoch; rerunning the same command resumes; a finished run is not trained again."
    })
public final class Train implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--catalog", required = true, description = "Catalog folder.")
  Path catalogDir;

  @Option(names = "--variant", required = true, description = "A..O, CLMR.")
  String variant;

  @Option(names = "--label-fraction", defaultValue = "1", description = "Fraction of training tracks whose labels are used. Default: ${DEFAULT-VALUE}.")
  double labelFraction;

  @Option(names = "--pretrained", description = "The pre-training run (technique p, CLMR).")
  Path pretrained;

  @Option(names = "--alpha", description = "Overrides the variant's α (technique c only).")
  Double alpha;

  @Option(names = "--r", description = "r = converged L_SSL / converged L_ML (technique c).")
  Double r;

  @Option(names = "--r-file", description = "An r.json written by 'soundalike estimate-r'.")
  Path rFile;

  @Option(names = "--out", required = true, description = "Run folder.")
  Path out;

  @Mixin ViewsOption views;

  @Mixin TrainingOptions options;

  @Override
  public Integer call() {
    return TrainCommands.execute("train", spec.commandLine().getErr(), () -> {
      Catalog catalog = Catalogs.open(catalogDir);
      Variant preset = Variant.named(variant);
      if (alpha != null) {
        preset = preset.withAlpha(alpha);
      }
      Double ratio = r;
      if (ratio == null && rFile != null) {
        ratio = RatioEstimate.read(rFile).r();
      }
      if (ratio == null && preset.contrastive()) {
        ratio = RatioEstimate.paperValue(catalog.format());
        if (ratio != null) {
          spec.commandLine().getErr().println("using the paper's r = " + ratio + " for " + catalog.format() + " (--r or --r-file to change)");
        }
      }
      TrainingSettings settings = views.apply(options.apply(
          TrainingSettings.defaults(options.networkConfig(), preset, preset.contrastive() ? ratio : null, labelFraction,
              options.seed, pretrained),
          TrainingSettings.MAX_EPOCHS));
      return TrainCommands.train(catalog, out, settings, spec.commandLine().getOut());
    });
  }
}
