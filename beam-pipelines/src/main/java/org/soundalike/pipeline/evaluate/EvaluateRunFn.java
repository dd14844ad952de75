package org.soundalike.pipeline.evaluate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.CatalogException;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.Split;
import org.soundalike.encode.EncodingException;
import org.soundalike.eval.EvaluationException;
import org.soundalike.eval.report.ReportException;
import org.soundalike.evaluate.RunEvaluation;
import org.soundalike.eval.report.RunResult;
import org.soundalike.eval.report.RunResultJson;
import org.soundalike.pipeline.runner.WorkerProgress;
import org.soundalike.train.TrainingException;
import org.soundalike.run.RunFolderException;

/**
 * Evaluates one run folder with the model's {@link RunEvaluation}, writing its results.json beside
 * its run.json; a run whose results.json is newer than its checkpoint is not evaluated again. A
 * failing run is reported, and the others are still evaluated.
 */
final class EvaluateRunFn extends DoFn<String, EvaluateRunOutcome> {

  private final String catalogDir;
  private final String split;
  private final int encoderGraphs;
  private final String progressKey;
  private final long runs;
  private final Counter evaluated = Metrics.counter(EvaluateRuns.class, EvaluateRuns.RUNS_EVALUATED);
  private final Counter current = Metrics.counter(EvaluateRuns.class, EvaluateRuns.RUNS_CURRENT);
  private final Counter failed = Metrics.counter(EvaluateRuns.class, EvaluateRuns.RUNS_FAILED);
  /** The --catalog given, or null. */
  private transient Catalog given;
  /** Catalogs opened for runs by the folder their run.json records (the runs of one grid share theirs). */
  private transient Map<Path, Catalog> trainingCatalogs;

  /** @param catalogDir the catalog to evaluate on, or null for the one each run was trained from */

  EvaluateRunFn(String catalogDir, String split, int encoderGraphs, String progressKey, long runs) {
    this.catalogDir = catalogDir;
    this.split = split;
    this.encoderGraphs = encoderGraphs;
    this.progressKey = progressKey;
    this.runs = runs;
  }

  @Setup
  public void openCatalog() throws IOException {
    given = catalogDir == null ? null : Catalogs.open(Path.of(catalogDir));
    trainingCatalogs = new HashMap<>();
  }

  private Catalog catalogFor(Path run) {
    return given != null ? given : RunEvaluation.trainingCatalog(run, this::openOnce);
  }

  private Catalog openOnce(Path folder) throws IOException {
    Catalog opened = trainingCatalogs.get(folder);
    if (opened == null) {
      opened = Catalogs.open(folder);
      trainingCatalogs.put(folder, opened);
    }
    return opened;
  }

  @ProcessElement
  public void evaluate(@Element String runDir, OutputReceiver<EvaluateRunOutcome> out) {
    var progress = WorkerProgress.line(progressKey, "evaluate", "runs", runs);
    Path run = Path.of(runDir);
    Path results = RunEvaluation.defaultResults(run);
    try {
      if (RunEvaluation.upToDate(run, results)) {
        RunResult kept = RunResultJson.read(results);
        current.inc();
        out.output(new EvaluateRunOutcome(runDir, results.toString(), EvaluateRunOutcome.CURRENT, kept.metric("R@1"), null));
      } else {
        RunResult result = RunEvaluation.withDefaults(encoderGraphs, System.err)
            .evaluate(run, catalogFor(run), Split.parse(split), results).result();
        evaluated.inc();
        out.output(new EvaluateRunOutcome(runDir, results.toString(), EvaluateRunOutcome.EVALUATED, result.metric("R@1"), null));
      }
      progress.advance();
    } catch (ReportException | EvaluationException | EncodingException | TrainingException | RunFolderException | CatalogException
        | IllegalArgumentException e) {
      failed.inc();
      System.err.println("evaluate: " + run + " failed: " + e.getMessage());
      out.output(new EvaluateRunOutcome(runDir, null, EvaluateRunOutcome.FAILED, null, e.getMessage()));
      progress.fail();
    }
  }
}
