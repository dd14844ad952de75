package org.soundalike.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.soundalike.dataset.CatalogException;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.Split;
import org.soundalike.encode.EncodingException;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.eval.EvaluationException;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.eval.report.ReportException;
import org.soundalike.evaluate.RunEvaluation;
import org.soundalike.eval.report.EmbeddingEvaluator;
import org.soundalike.eval.report.RunResult;
import org.soundalike.eval.report.RunResultJson;
import org.soundalike.progress.Progress;
import org.soundalike.run.RunProvenance;
import org.soundalike.train.TrainingException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.soundalike.run.RunProvenanceJson;
import org.soundalike.run.RunFolderException;

/**
 * {@code soundalike evaluate --run RUN [--catalog DIR] [--split test] [--out RUN/results.json]}: embeds
 * the split with the run's encoder and evaluates it ({@link RunEvaluation}); or
 * {@code --embeddings tracks.jsonl --run-info run.json --out results.json}: evaluates precomputed
 * embeddings. Both write results.json with the run's provenance.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates a run's test tracks and writes its results.json.",
      "results.json holds the ten metrics (x100), bootstrap 95 %% intervals over queries, per-tag AUCs, excluded tags, "
          + "the t-SNE map and the run's provenance (docs/formats.md).",
      "--run [--catalog]: embeds the split with the run's best checkpoint (default output RUN/results.json).",
      "--embeddings --run-info: precomputed JSON lines {\"id\", \"tags\", \"embedding\", \"scores\"} "
          + "and the run's provenance (the \"run\" object of results.json)."
    })
public final class Evaluate implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @ArgGroup(exclusive = false)
    TrainedRun trained;

    @ArgGroup(exclusive = false)
    Precomputed precomputed;
  }

  static final class TrainedRun {
    @Option(names = "--run", required = true, description = "Training run folder (its best checkpoint and run.json).")
    Path run;

    @Option(names = "--catalog", description = "Catalog folder the split is read from (default: the folder the run was trained from, "
        + "as its run.json records it).")
    Path catalog;

    @Option(names = "--split", defaultValue = "test", description = "train, valid or test. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--parallelism", defaultValue = "1",
        description = "Concurrent encoder graphs (each holds a copy of the network). Default: ${DEFAULT-VALUE}.")
    int parallelism;
  }

  static final class Precomputed {
    @Option(names = "--embeddings", required = true, description = "JSON-lines file of the run's embedded test tracks.")
    Path embeddings;

    @Option(names = "--run-info", required = true, description = "JSON file with the run's provenance.")
    Path runInfo;
  }

  @Option(names = "--out", description = "results.json to write (required with --embeddings; default RUN/results.json).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      RunResult result;
      Path target;
      if (input.trained != null) {
        target = out != null ? out : RunEvaluation.defaultResults(input.trained.run);
        result = RunEvaluation.withDefaults(input.trained.parallelism, System.err)
            .evaluate(input.trained.run, catalog(input.trained), Split.parse(input.trained.split), target)
            .result();
      } else {
        if (out == null) {
          err.println("soundalike evaluate: --out is required with --embeddings");
          return 2;
        }
        target = out;
        result = precomputed(input.precomputed);
        RunResultJson.write(target, result);
      }
      stdout.println("run " + result.run().runId() + ": " + result.tracks() + " tracks, " + result.queries()
          + " queries, R@1 " + result.metric("R@1") + ", ROC-AUC " + result.metric("ROC-AUC") + "; wrote " + target);
      return 0;
    } catch (ReportException | CatalogException | EvaluationException | EncodingException | TrainingException | RunFolderException
        | IllegalArgumentException e) {
      err.println("soundalike evaluate: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("soundalike evaluate: " + e);
      return 1;
    } finally {
      err.flush();
      stdout.flush();
    }
  }

  private static Catalog catalog(TrainedRun input) throws IOException {
    return input.catalog != null ? Catalogs.open(input.catalog) : RunEvaluation.trainingCatalog(input.run);
  }

  private static RunResult precomputed(Precomputed input) throws IOException {
    RunProvenance run = RunProvenanceJson.read(input.runInfo);
    EvaluationSet set = EvaluationSet.of(EmbeddedTrackJsonl.read(input.embeddings));
    try (Progress progress = new Progress("retrieval", "queries", set.tracksWithTags().length)) {
      return EmbeddingEvaluator.withDefaults().evaluate(set, run, progress::advance);
    }
  }
}
