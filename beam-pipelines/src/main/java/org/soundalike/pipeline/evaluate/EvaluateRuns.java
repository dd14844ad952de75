package org.soundalike.pipeline.evaluate;

import java.util.UUID;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.soundalike.pipeline.runner.WorkerProgress;

/**
 * Evaluates run folders and then writes the experiment report over every results.json of the
 * results folder.
 *
 * <pre>
 *   run folders ─ SpreadRuns ─ EvaluateRun ─┬─ outcomes
 *                                           └─ Count ─ WriteReport ─ report.md path
 * </pre>
 */
public final class EvaluateRuns extends PTransform<PCollection<String>, PCollectionTuple> {

  /** Beam counter names (namespace: this class). */
  public static final String RUNS_EVALUATED = "runs-evaluated";
  public static final String RUNS_CURRENT = "runs-current";
  public static final String RUNS_FAILED = "runs-failed";

  public static final TupleTag<EvaluateRunOutcome> OUTCOMES = new TupleTag<>() {};
  public static final TupleTag<String> REPORT = new TupleTag<>() {};

  private final String catalog;
  private final String split;
  private final int encoderGraphs;
  private final String results;
  private final String reportOut;
  private final long runs;
  private final String progressKey = "evaluate-" + UUID.randomUUID();

  private EvaluateRuns(String catalog, String split, int encoderGraphs, String results, String reportOut, long runs) {
    super("EvaluateRuns");
    this.catalog = catalog;
    this.split = split;
    this.encoderGraphs = encoderGraphs;
    this.results = results;
    this.reportOut = reportOut;
    this.runs = runs;
  }

  /**
   * @param catalog the catalog folder whose {@code split} is embedded, or null for the one each run was trained from
   * @param results the folder the report collects results.json from; written to {@code reportOut}
   * @param runs the number of run folders, for the progress line
   */
  public static EvaluateRuns of(String catalog, String split, int encoderGraphs, String results, String reportOut,
      long runs) {
    return new EvaluateRuns(catalog, split, encoderGraphs, results, reportOut, runs);
  }

  public void finishProgress() {
    WorkerProgress.finish(progressKey);
  }

  @Override
  public PCollectionTuple expand(PCollection<String> runFolders) {
    PCollection<EvaluateRunOutcome> outcomes = runFolders
        .apply("SpreadRuns", Reshuffle.viaRandomKey())
        .apply("EvaluateRun", ParDo.of(new EvaluateRunFn(catalog, split, encoderGraphs, progressKey, runs)))
        .setCoder(SerializableCoder.of(EvaluateRunOutcome.class));
    PCollection<String> report = outcomes
        .apply("AllEvaluated", Count.globally())
        .apply("WriteReport", ParDo.of(new WriteReportFn(results, reportOut)))
        .setCoder(StringUtf8Coder.of());
    return PCollectionTuple.of(OUTCOMES, outcomes).and(REPORT, report);
  }
}
