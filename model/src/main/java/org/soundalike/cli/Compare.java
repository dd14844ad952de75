package org.soundalike.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.eval.compare.ComparisonFiles;
import org.soundalike.eval.compare.PairedBootstrap;
import org.soundalike.eval.compare.StudyComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike compare}: the study's differences with paired bootstrap intervals and Holm's correction. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the models of a study: every folder under --results with results.json and tracks.jsonl is one"
          + " seed of one model at one label fraction. At each fraction: every model − A, and every model"
          + " trained with the contrastive loss − C and − CLMR, on the ten metrics, with paired bootstrap"
          + " intervals over the common seeds and the test queries, p-values and Holm's correction per row.",
      "Writes comparison.json, comparison.csv and comparison.md into --out (default: --results)."
    })
public final class Compare implements Callable<Integer> {

  @Option(names = "--results", required = true, description = "Folder holding the run folders.")
  Path results;

  @Option(names = "--out", description = "Where to write comparison.{json,csv,md} (default: --results).")
  Path out;

  @Option(names = "--resamples", defaultValue = "2000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--seed", defaultValue = "1", description = "Seeds the bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--alpha", defaultValue = "0.05",
      description = "Family-wise error rate of Holm's correction (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Override
  public Integer call() {
    try {
      PairedBootstrap bootstrap = new PairedBootstrap(resamples, seed, 0.95);
      List<StudyComparison.Comparison> comparisons = new StudyComparison(bootstrap, alpha).compare(results);
      Path dir = out != null ? out : results;
      ComparisonFiles.write(dir, comparisons, bootstrap.level(), alpha);
      System.out.print(ComparisonFiles.markdown(comparisons, bootstrap.level(), alpha));
      return 0;
    } catch (java.io.IOException | RuntimeException e) {
      System.err.println("soundalike compare: " + e.getMessage());
      return 1;
    }
  }
}
