package org.soundalike.pipeline.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.soundalike.run.CodeVersion;
import org.soundalike.corpus.CorpusBuilder;
import org.soundalike.corpus.CorpusParameters;
import org.soundalike.corpus.CorpusSummary;
import org.soundalike.corpus.InstrumentBank;
import org.soundalike.dataset.Catalogs;
import org.soundalike.eval.report.CollectedRuns;
import org.soundalike.eval.report.ExperimentReport;
import org.soundalike.eval.report.ReportBuilder;
import org.soundalike.eval.report.ReportFiles;
import org.soundalike.evaluate.RunEvaluation;
import org.soundalike.train.RatioEstimate;
import org.soundalike.run.RunFolder;
import org.soundalike.pipeline.evaluate.EvaluatePipeline;
import org.soundalike.pipeline.ingest.IngestPipeline;
import org.soundalike.pipeline.runner.PipelineInputException;
import org.soundalike.pipeline.runner.RunnerDefaults;
import org.soundalike.pipeline.traingrid.GridCell;
import org.soundalike.pipeline.traingrid.TrainGridPlan;
import org.soundalike.pipeline.traingrid.TrainGridShared;

/**
 * {@code soundalike demo}: the main job end to end on embedded defaults, as a chain of stages that
 * each call the real pipeline or model code: demo corpus → ingest → augment → pre-train and r →
 * train A and G at a few label fractions → export the serving run to Elasticsearch → evaluate →
 * report → the dashboard's arguments. Each stage prints a progress line; a stage whose output is
 * already there is skipped, so a second run reuses the first's work; the wall time of every stage
 * is printed at the end. The launcher ({@code soundalike demo}) starts Elasticsearch before the
 * chain and the dashboard after it, with the arguments the last stage wrote
 * ({@link #DASHBOARD_ARGS}): a web server outlives the chain, so it is not one of its stages.
 *
 * <p>Layout under the home folder: {@code data/demo-corpus} (the corpus, shared with
 * {@code soundalike corpus}), {@code data/demo/ingest}, {@code data/demo/views},
 * {@code data/demo/grid} (the train-grid folder: runs, shared pre-training and r, results, report).
 */
public final class DemoChain {

  /** The file under {@code data/demo} with the dashboard's arguments, one per line. */
  public static final String DASHBOARD_ARGS = "dashboard.args";

  /** Written after a complete export; newer than the serving run's checkpoint while it is current. */
  private static final String EXPORT_DONE = "export.done";

  /** The augment pipeline writes it last: its presence means every shard is complete (docs/formats.md). */
  private static final String VIEW_INDEX = "index.json";

  private final DemoOptions options;
  private final String[] runnerArgs;
  private final Class<?> launcher;
  private final Path corpus;
  private final Path work;

  /** The wall time of one stage, or why it was skipped. */
  public record StageTime(String stage, Duration wall, String result, boolean skipped) {}

  /**
   * @param runnerArgs the command line's runner arguments ({@code --runner}, {@code --flinkMaster}),
   *     passed on to every sub-pipeline
   * @param launcher the main class that runs a pipeline by name ({@code soundalike pipeline}'s), which
   *     each stage starts in a child JVM; passed in because it sits above this package
   */
  public DemoChain(DemoOptions options, String[] runnerArgs, Class<?> launcher) {
    this.options = options;
    this.runnerArgs = runnerArgs.clone();
    this.launcher = launcher;
    Path home = Path.of(options.getHome() != null ? options.getHome() : defaultHome()).toAbsolutePath().normalize();
    this.corpus = home.resolve("data").resolve("demo-corpus");
    this.work = home.resolve("data").resolve("demo");
  }

  public static void main(String[] args, Class<?> launcher) {
    DemoOptions options = RunnerDefaults.parse(args, DemoOptions.class);
    String[] runnerArgs = Arrays.stream(args)
        .filter(a -> a.startsWith("--runner") || a.startsWith("--flinkMaster"))
        .toArray(String[]::new);
    List<StageTime> times = new DemoChain(options, runnerArgs, launcher).run();
    System.out.println();
    System.out.println("demo: wall time per stage");
    Duration total = Duration.ZERO;
    for (StageTime t : times) {
      System.out.printf(Locale.ROOT, "  %-12s %8s  %s%s%n", t.stage(), clock(t.wall()), t.skipped() ? "skipped: " : "",
          t.result());
      total = total.plus(t.wall());
    }
    System.out.printf(Locale.ROOT, "  %-12s %8s%n", "total", clock(total));
  }

  private static String defaultHome() {
    String home = System.getenv("SOUNDALIKE_HOME");
    return home == null || home.isBlank() ? "." : home;
  }

  public Path ingestDir() {
    return work.resolve("ingest");
  }

  public Path viewsDir() {
    return work.resolve("views");
  }

  public Path gridDir() {
    return work.resolve("grid");
  }

  /**
   * The run that serves search: G (else the first variant) at the largest label fraction, first
   * seed — the demo's best-informed network.
   */
  public Path servingRun() {
    List<String> variants = variants();
    String variant = variants.contains("G") ? "G" : variants.get(0);
    double percent = percents().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    return plan().runDir(new GridCell(variant, percent, 0));
  }

  /** Runs every stage in order (skipping those already done); the first failure stops the chain. */
  public List<StageTime> run() {
    return run(stages(), System.err);
  }

  static List<StageTime> run(List<DemoStage> stages, PrintStream log) {
    List<StageTime> times = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      DemoStage stage = stages.get(i);
      String prefix = String.format(Locale.ROOT, "demo [%d/%d] %s", i + 1, stages.size(), stage.name());
      long start = System.nanoTime();
      Optional<String> done = stage.alreadyDone().get();
      if (done.isPresent()) {
        log.println(prefix + ": skipped (" + done.get() + ")");
        times.add(new StageTime(stage.name(), Duration.ofNanos(System.nanoTime() - start), done.get(), true));
        continue;
      }
      log.println(prefix + ": running");
      String result = stage.work().get();
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      log.println(prefix + ": done in " + clock(wall) + " (" + result + ")");
      times.add(new StageTime(stage.name(), wall, result, false));
    }
    return times;
  }

  List<DemoStage> stages() {
    return List.of(
        new DemoStage("corpus", Optional::empty, this::corpus),
        new DemoStage("ingest", () -> exists(ingestDir().resolve(IngestPipeline.MANIFEST + ".jsonl"), "manifest"),
            this::ingest),
        new DemoStage("augment", () -> exists(viewsDir().resolve(VIEW_INDEX), "view shards"), this::augment),
        new DemoStage("pretrain", this::pretrainDone, this::pretrain),
        new DemoStage("train", this::trainDone, this::train),
        new DemoStage("export", this::exportDone, this::export),
        new DemoStage("evaluate", this::evaluateDone, this::evaluate),
        new DemoStage("report", Optional::empty, this::report),
        new DemoStage("dashboard", Optional::empty, this::dashboardArguments));
  }

  private static Optional<String> exists(Path file, String what) {
    return Files.exists(file) ? Optional.of(what + " already in " + file.getParent()) : Optional.empty();
  }

  /** The corpus builder itself reuses a folder that already holds the same corpus. */
  private String corpus() {
    InstrumentBank bank = InstrumentBank.locate(Optional.empty(), System.err);
    CorpusSummary summary = new CorpusBuilder(bank, Math.min(2, Runtime.getRuntime().availableProcessors()),
        CodeVersion.current(), System.err).build(corpus, CorpusParameters.defaults());
    return String.format(Locale.ROOT, "%d tracks x %.0f s in %s%s", summary.parameters().tracks(),
        summary.parameters().seconds(), corpus, summary.reused() ? ", reused" : "");
  }

  private String ingest() {
    return pipeline("ingest", "--input=" + corpus, "--out=" + ingestDir());
  }

  private String augment() {
    return pipeline("augment", "--manifest=" + ingestDir().resolve(IngestPipeline.MANIFEST + ".jsonl"),
        "--out=" + viewsDir(), "--epochs=" + options.getViewEpochs());
  }

  private TrainGridPlan plan() {
    return new TrainGridPlan(corpus.toString(), gridDir().toString(), options.getConfig(), options.getTrainEpochs(),
        options.getTrainPretrainEpochs(), options.getTrainBatch(), 0, null, TrainGridPlan.DEFAULT_LAST_EPOCHS_FOR_R, 0,
        CodeVersion.current());
  }

  private List<String> variants() {
    return Arrays.stream(options.getTrainVariants().split(",")).map(String::strip).toList();
  }

  private List<Double> percents() {
    return Arrays.stream(options.getTrainFractions().split(",")).map(String::strip).map(Double::parseDouble).toList();
  }

  private List<GridCell> cells() {
    return GridCell.all(variants(), percents(), options.getTrainSeeds());
  }

  private Optional<String> pretrainDone() {
    TrainGridPlan plan = plan();
    Path r = plan.ratioDir().resolve(RatioEstimate.FILE);
    return Files.exists(r) && finished(plan.pretrainDir()) ? Optional.of("pre-training and " + r + " already there")
        : Optional.empty();
  }

  /** Pre-training and r, the grid's shared stage, run here on their own so the demo times them apart. */
  private String pretrain() {
    TrainGridShared shared;
    try {
      shared = TrainGridShared.prepare(plan(), variants(), Catalogs.open(corpus), System.err);
    } catch (IOException e) {
      throw new PipelineInputException("demo corpus " + corpus + ": " + e.getMessage(), e);
    }
    return "pre-trained " + shared.pretrainedRun() + ", r = " + shared.r();
  }

  private Optional<String> trainDone() {
    TrainGridPlan plan = plan();
    List<GridCell> cells = cells();
    return cells.stream().allMatch(c -> finished(plan.runDir(c)))
        ? Optional.of("all " + cells.size() + " runs finished in " + plan.runsDir()) : Optional.empty();
  }

  private String train() {
    // One training at a time: each already uses every core.
    return pipeline("train-grid", "--catalog=" + corpus, "--out=" + gridDir(), "--variants=" + options.getTrainVariants(),
        "--fractions=" + options.getTrainFractions(), "--seeds=" + options.getTrainSeeds(), "--config=" + options.getConfig(),
        "--maxEpochs=" + options.getTrainEpochs(), "--pretrainEpochs=" + options.getTrainPretrainEpochs(),
        "--batch=" + options.getTrainBatch(), "--parallelism=1");
  }

  private Optional<String> exportDone() {
    Path marker = work.resolve(EXPORT_DONE);
    Path checkpoint = servingRun().resolve(RunFolder.BEST);
    try {
      return Files.exists(marker) && Files.exists(checkpoint)
          && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(checkpoint)) > 0
          ? Optional.of(Files.readString(marker).strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Embeds the whole corpus with the serving run (ONNX Runtime) into the versioned index + alias. */
  private String export() {
    Path run = servingRun();
    pipeline("export", "--run=" + run, "--catalog=" + corpus, "--esUrl=" + options.getEsUrl());
    String result = "every corpus track embedded with " + run.getFileName() + " and indexed at " + options.getEsUrl();
    writeWork(EXPORT_DONE, result + System.lineSeparator());
    return result;
  }

  private Optional<String> evaluateDone() {
    if (!Files.isDirectory(gridDir())) {
      return Optional.empty();
    }
    List<String> runs = EvaluatePipeline.runsToEvaluate(gridDir(), new ArrayList<>());
    boolean current = !runs.isEmpty()
        && runs.stream().map(Path::of).allMatch(r -> RunEvaluation.upToDate(r, RunEvaluation.defaultResults(r)));
    return current ? Optional.of("every run's results.json is newer than its checkpoint") : Optional.empty();
  }

  private String evaluate() {
    return pipeline("evaluate", "--results=" + gridDir(), "--catalog=" + corpus, "--parallelism=1");
  }

  /** Rewrites the report (cheap) and prints the table, so a second demo run shows it too. */
  private String report() {
    ExperimentReport report = ReportBuilder.build(CollectedRuns.collect(gridDir()), gridDir(), Instant.now());
    ReportFiles.write(report, gridDir());
    System.out.println(ReportFiles.markdown(report));
    return report.runs() + " runs; " + gridDir().resolve(ReportFiles.MARKDOWN_FILE);
  }

  /** The dashboard on the demo's report, corpus, serving run, ingest rejects and index. */
  private String dashboardArguments() {
    List<String> args = List.of("--results", gridDir().toString(), "--catalog", corpus.toString(),
        "--run", servingRun().toString(), "--rejects", ingestDir().resolve(IngestPipeline.REJECTS + ".jsonl").toString(),
        "--es-url", options.getEsUrl());
    Path file = writeWork(DASHBOARD_ARGS, String.join(System.lineSeparator(), args) + System.lineSeparator());
    return "arguments in " + file + " (soundalike demo starts it; by hand: soundalike dashboard $(cat " + file + "))";
  }

  private Path writeWork(String name, String text) {
    Path file = work.resolve(name);
    try {
      Files.createDirectories(work);
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new PipelineInputException("demo: cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  private static boolean finished(Path run) {
    return Files.isDirectory(run) && RunFolder.under(run).stream()
        .anyMatch(f -> f.path().equals(run) && f.finished());
  }

  /**
   * Runs {@code soundalike pipeline <name> args} in a child JVM with this JVM's flags and class path.
   * A child per pipeline because Beam keeps one JVM-wide registry of option interfaces and refuses
   * two that give one property different defaults (so option names may repeat across pipelines);
   * it also hands the training's native memory back between stages.
   */
  private String pipeline(String name, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), launcher.getName(), name));
    command.addAll(List.of(args));
    command.addAll(List.of(runnerArgs));
    try {
      Process child = new ProcessBuilder(command).inheritIO().start();
      // A demo stopped with Ctrl-C stops its stage too (the child is not in the JVM's process group otherwise).
      Thread stopChild = new Thread(child::destroy);
      Runtime.getRuntime().addShutdownHook(stopChild);
      int code = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(stopChild);
      if (code != 0) {
        throw new PipelineInputException("demo: 'soundalike pipeline " + name + "' failed (exit code " + code + ")");
      }
    } catch (IOException e) {
      throw new PipelineInputException("demo: cannot start 'soundalike pipeline " + name + "': " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PipelineInputException("demo: interrupted during 'soundalike pipeline " + name + "'", e);
    }
    return "pipeline " + name + " finished";
  }

  private static String clock(Duration d) {
    long s = d.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
