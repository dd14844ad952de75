package org.soundalike.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.soundalike.dataset.CatalogException;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.eval.EvaluationException;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.eval.report.ReportException;
import org.soundalike.eval.report.RunEvaluator;
import org.soundalike.eval.report.RunResult;
import org.soundalike.eval.report.RunResultJson;
import org.soundalike.progress.Progress;
import org.soundalike.run.RunProvenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code soundalike evaluate --embeddings tracks.jsonl --run-info run.json --out results.json}:
 * evaluates precomputed test-track embeddings of a run (the format {@code soundalike metrics}
 * reads) and writes its results.json with the run's provenance.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates a run's embedded test tracks and writes its results.json.",
      "results.json holds the ten metrics (x100), bootstrap 95 % intervals over queries, per-tag AUCs, excluded tags, "
          + "the t-SNE map and the run's provenance (docs/formats.md).",
      "--embeddings: JSON lines {\"id\", \"tags\", \"embedding\", \"scores\"} as 'soundalike metrics' reads.",
      "--run-info: the run's provenance, the \"run\" object of results.json."
    })
public final class Evaluate implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--embeddings", required = true, description = "JSON-lines file of the run's embedded test tracks.")
  Path embeddings;

  @Option(names = "--run-info", required = true, description = "JSON file with the run's provenance.")
  Path runInfo;

  @Option(names = "--out", required = true, description = "results.json to write.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    try {
      RunProvenance run = RunResultJson.readProvenance(runInfo);
      EvaluationSet set = EvaluationSet.of(EmbeddedTrackJsonl.read(embeddings));
      RunResult result;
      try (Progress progress = new Progress("retrieval", "queries", set.tracksWithTags().length)) {
        result = RunEvaluator.withDefaults().evaluate(set, run, progress::advance);
      }
      RunResultJson.write(out, result);
      stdout.println("run " + run.runId() + ": " + result.tracks() + " tracks, " + result.queries() + " queries, R@1 "
          + result.metric("R@1") + ", ROC-AUC " + result.metric("ROC-AUC") + "; wrote " + out);
      return 0;
    } catch (ReportException | CatalogException | EvaluationException e) {
      err.println("soundalike evaluate: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("soundalike evaluate: cannot read " + embeddings + ": " + e);
      return 1;
    } finally {
      err.flush();
      stdout.flush();
    }
  }
}
