package org.soundalike.cli;

import org.soundalike.run.CodeVersion;
import java.nio.file.Path;
import java.util.Locale;
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

/** {@code soundalike estimate-r --catalog DIR --out DIR}: measures r for λ = α / r on a catalog. */
@Command(
    name = "estimate-r",
    mixinStandardHelpOptions = true,
    description = {
      "Measures r = converged L_SSL (trained with L_SSL alone) / converged L_ML (trained with L_ML alone, all labels).",
      "Trains OUT/ssl and OUT/ml (resumable), averages the validation losses of their last epochs, writes OUT/r.json",
      "(read by 'soundalike train --r-file OUT/r.json')."
    })
public final class EstimateR implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--catalog", required = true, description = "Catalog folder.")
  Path catalogDir;

  @Option(names = "--out", required = true, description = "Folder for the two runs and r.json.")
  Path out;

  @Option(names = "--last", defaultValue = "5", description = "Final epochs averaged as the converged loss. Default: ${DEFAULT-VALUE}.")
  int last;

  @Mixin TrainingOptions options;

  @Override
  public Integer call() {
    return TrainCommands.execute("estimate-r", spec.commandLine().getErr(), () -> {
      Catalog catalog = Catalogs.open(catalogDir);
      TrainingSettings base = options.apply(
          TrainingSettings.defaults(options.networkConfig(), Variant.SUPERVISED_ONLY, null, 1, options.seed, null),
          TrainingSettings.MAX_EPOCHS);
      RatioEstimate estimate = RatioEstimate.measure(catalog, out, base, last, CodeVersion.current(), System.err);
      spec.commandLine().getOut().printf(Locale.ROOT, "r = %.4f (L_SSL %.4f / L_ML %.4f, mean of the last %d epochs); wrote %s%n",
          estimate.r(), estimate.selfSupervised(), estimate.metricLearning(), estimate.lastEpochs(),
          out.resolve(RatioEstimate.FILE));
      return 0;
    });
  }
}
