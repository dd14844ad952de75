package org.soundalike.pipeline.traingrid;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.soundalike.run.CodeVersion;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.pipeline.runner.PipelineInputException;
import org.soundalike.pipeline.runner.PipelineSummary;
import org.soundalike.pipeline.runner.RunnerDefaults;

/**
 * {@code soundalike pipeline train-grid --catalog DIR --variants A,G,CLMR --fractions 1,10,100
 * --seeds 3 --out DIR}: wires the options to {@link TrainGrid}.
 */
public final class TrainGridPipeline {

  public static final String OUTCOMES = "grid";

  private TrainGridPipeline() {}

  public static void main(String[] args) {
    TrainGridOptions options = RunnerDefaults.parse(args, TrainGridOptions.class);
    if (!RunnerDefaults.given(args, "parallelism")) {
      // Each training already uses every core (ND4J's OpenMP threads): one cell at a time unless asked.
      options.setParallelism(1);
    }
    Result result = run(options);
    result.outcomes().forEach(o -> System.out.printf(Locale.ROOT, "%-16s %-7s %3d epochs  %s%n",
        Path.of(o.run()).getFileName(), o.status(), o.epochs(), o.message() != null ? o.message() : o.stopReason()));
    System.out.println(result.summary().line());
    if (result.summary().counter(TrainGrid.RUNS_FAILED) > 0) {
      System.exit(1);
    }
  }

  /** A finished grid: the pipeline's summary and one outcome per cell (also in {@code OUT/grid.jsonl}). */
  public record Result(PipelineSummary summary, List<TrainGridOutcome> outcomes) {}

  public static TrainGridPlan plan(TrainGridOptions options) {
    return new TrainGridPlan(
        Path.of(options.getCatalog()).toAbsolutePath().normalize().toString(),
        Path.of(options.getOut()).toAbsolutePath().normalize().toString(),
        options.getConfig(), options.getMaxEpochs(),
        options.getPretrainEpochs() != null ? options.getPretrainEpochs() : options.getMaxEpochs(),
        options.getBatch(), options.getViewsPerSlice(), options.getR(), options.getLastEpochsForR(), 0,
        CodeVersion.current());
  }

  public static List<String> variants(TrainGridOptions options) {
    return split(options.getVariants());
  }

  public static List<Double> percents(TrainGridOptions options) {
    try {
      return split(options.getFractions()).stream().map(Double::parseDouble).toList();
    } catch (NumberFormatException e) {
      throw new PipelineInputException("--fractions=" + options.getFractions() + ": not a list of percentages");
    }
  }

  /** Trains the grid to completion. */
  public static Result run(TrainGridOptions options) {
    TrainGridPlan plan = plan(options);
    List<String> variants = variants(options);
    List<GridCell> cells = GridCell.all(variants, percents(options), options.getSeeds());
    System.err.println("train-grid: " + cells.size() + " runs (" + String.join(",", variants) + " x "
        + options.getFractions() + " % x " + options.getSeeds() + " seeds), config " + plan.config() + ", "
        + plan.epochs() + " epochs, into " + plan.out() + ", on " + RunnerDefaults.runnerName(options));

    Pipeline pipeline = Pipeline.create(options);
    TrainGrid grid = TrainGrid.of(plan, variants, cells.size());
    pipeline
        .apply("Cells", Create.of(cells).withCoder(SerializableCoder.of(GridCell.class)))
        .apply(grid)
        .apply(JsonLines.write(Path.of(plan.out()), OUTCOMES));
    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    grid.finishProgress();
    List<TrainGridOutcome> outcomes = JsonLines.read(Path.of(plan.out()).resolve(OUTCOMES + ".jsonl"), TrainGridOutcome.class)
        .stream().sorted((a, b) -> a.run().compareTo(b.run())).toList();
    return new Result(PipelineSummary.of("train-grid", run, TrainGrid.class, cells.size(), Path.of(plan.out())), outcomes);
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
