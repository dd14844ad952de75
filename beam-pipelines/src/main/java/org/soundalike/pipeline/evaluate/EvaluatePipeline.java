package org.soundalike.pipeline.evaluate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.soundalike.dataset.Split;
import org.soundalike.eval.report.ReportFiles;
import org.soundalike.run.RunFolder;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.pipeline.runner.PipelineInputException;
import org.soundalike.pipeline.runner.PipelineSummary;
import org.soundalike.pipeline.runner.RunnerDefaults;
import org.soundalike.pipeline.traingrid.TrainGridPlan;

/**
 * {@code soundalike pipeline evaluate --results DIR [--catalog DIR]}: every finished run folder under
 * DIR (a train-grid's {@code runs/}; the grid's shared pre-training and r estimation are not
 * table rows) is evaluated into its results.json, then the report is written.
 */
public final class EvaluatePipeline {

  public static final String OUTCOMES = "evaluate";

  private EvaluatePipeline() {}

  public static void main(String[] args) {
    EvaluatePipelineOptions options = RunnerDefaults.parse(args, EvaluatePipelineOptions.class);
    if (!RunnerDefaults.given(args, "parallelism")) {
      // Encoding already uses every core: one run at a time unless asked.
      options.setParallelism(1);
    }
    Result result = run(options);
    result.outcomes().forEach(o -> System.out.printf(Locale.ROOT, "%-16s %-9s %s%n", Path.of(o.run()).getFileName(),
        o.status(), o.message() != null ? o.message() : "R@1 " + o.recallAt1()));
    result.skipped().forEach(s -> System.out.println("skipped " + s));
    System.out.println(result.summary().line());
    if (result.summary().counter(EvaluateRuns.RUNS_FAILED) > 0) {
      System.exit(1);
    }
  }

  /** A finished evaluation: one outcome per run, the run folders not evaluated (and why), the report. */
  public record Result(PipelineSummary summary, List<EvaluateRunOutcome> outcomes, List<String> skipped, Path report) {}

  /** The run folders the pipeline evaluates; {@code skipped} hears the others and why. */
  public static List<String> runsToEvaluate(Path results, List<String> skipped) {
    Path shared = results.resolve(TrainGridPlan.SHARED);
    List<String> runs = new ArrayList<>();
    for (RunFolder run : RunFolder.under(results)) {
      if (run.path().startsWith(shared)) {
        continue;
      }
      if (run.pretraining()) {
        skipped.add(run.path() + ": a pre-training run (no trained tag head)");
      } else if (!run.finished()) {
        skipped.add(run.path() + ": still training (status in run.json); rerun train-grid first");
      } else {
        runs.add(run.path().toString());
      }
    }
    return runs;
  }

  /** Evaluates to completion and writes the report. */
  public static Result run(EvaluatePipelineOptions options) {
    Path results = Path.of(options.getResults()).toAbsolutePath().normalize();
    Path reportOut = options.getReportOut() == null ? results : Path.of(options.getReportOut()).toAbsolutePath().normalize();
    Split.parse(options.getSplit());
    List<String> skipped = new ArrayList<>();
    List<String> runs = runsToEvaluate(results, skipped);
    if (runs.isEmpty()) {
      throw new PipelineInputException(results + ": no finished run folder (run.json + checkpoint.bin) to evaluate");
    }
    String catalog = options.getCatalog() == null ? null : Path.of(options.getCatalog()).toAbsolutePath().normalize().toString();
    System.err.println("evaluate: " + runs.size() + " runs under " + results + " on the " + options.getSplit()
        + " split of " + (catalog == null ? "the catalog each was trained from" : catalog) + ", on " + RunnerDefaults.runnerName(options));

    Pipeline pipeline = Pipeline.create(options);
    EvaluateRuns evaluate = EvaluateRuns.of(catalog,
        options.getSplit(), options.getEncoderGraphs(), results.toString(), reportOut.toString(), runs.size());
    PCollectionTuple out = pipeline
        .apply("RunFolders", Create.of(runs).withCoder(StringUtf8Coder.of()))
        .apply(evaluate);
    out.get(EvaluateRuns.OUTCOMES).apply(JsonLines.write(results, OUTCOMES));
    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    evaluate.finishProgress();
    List<EvaluateRunOutcome> outcomes = JsonLines.read(results.resolve(OUTCOMES + ".jsonl"), EvaluateRunOutcome.class)
        .stream().sorted((a, b) -> a.run().compareTo(b.run())).toList();
    return new Result(PipelineSummary.of("evaluate", run, EvaluateRuns.class, runs.size(), reportOut), outcomes,
        skipped, reportOut.resolve(ReportFiles.MARKDOWN_FILE));
  }
}
