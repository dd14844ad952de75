package org.soundalike.pipeline;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.soundalike.pipeline.augment.AugmentOptions;
import org.soundalike.pipeline.augment.AugmentPipeline;
import org.soundalike.pipeline.demo.DemoChain;
import org.soundalike.pipeline.demo.DemoOptions;
import org.soundalike.pipeline.evaluate.EvaluatePipeline;
import org.soundalike.pipeline.evaluate.EvaluatePipelineOptions;
import org.soundalike.pipeline.export.ExportOptions;
import org.soundalike.pipeline.export.ExportPipeline;
import org.soundalike.pipeline.ingest.BenchIngestOptions;
import org.soundalike.pipeline.ingest.IngestBenchmark;
import org.soundalike.pipeline.ingest.IngestOptions;
import org.soundalike.pipeline.ingest.IngestPipeline;
import org.soundalike.pipeline.runner.PipelineInputException;
import org.soundalike.pipeline.runner.RunnerDefaults;
import org.soundalike.pipeline.traingrid.TrainGridOptions;
import org.soundalike.pipeline.traingrid.TrainGridPipeline;
import org.soundalike.pipeline.watch.WatchOptions;
import org.soundalike.pipeline.watch.WatchPipeline;

/**
 * The entry point of {@code soundalike pipeline <name> [options]} and of the job jar that
 * {@code flink run} accepts: the first argument names the pipeline, the rest are its Beam options.
 */
public final class Pipelines {

  record Entry(Class<? extends PipelineOptions> options, Consumer<String[]> main, String summary) {}

  static final Map<String, Entry> PIPELINES = Map.of(
      "ingest", new Entry(IngestOptions.class, IngestPipeline::main,
          "find, decode, check and fingerprint audio: manifest.jsonl + rejects.jsonl"),
      "augment", new Entry(AugmentOptions.class, AugmentPipeline::main,
          "materialise cropped, augmented training views as checksummed shards"),
      "export", new Entry(ExportOptions.class, ExportPipeline::main,
          "embed every track with a run's encoder into Elasticsearch <index>-<runId>, then move the alias"),
      "watch", new Entry(WatchOptions.class, WatchPipeline::main,
          "streaming: every audio file dropped into a folder is embedded and indexed within seconds"),
      "train-grid", new Entry(TrainGridOptions.class, TrainGridPipeline::main,
          "train every (variant, label fraction, seed) run; shared pre-training and r; resumable"),
      "evaluate", new Entry(EvaluatePipelineOptions.class, EvaluatePipeline::main,
          "evaluate every finished run under a folder (results.json each), then the report"),
      "demo", new Entry(DemoOptions.class, args -> DemoChain.main(args, Pipelines.class),
          "the demo end to end: corpus, ingest, augment, pretrain, train, export, evaluate, report, dashboard ('soundalike demo')"),
      "bench-ingest", new Entry(BenchIngestOptions.class, IngestBenchmark::main,
          "ingest throughput on generated tracks (JSON: tracks/s, x real time)"));

  private Pipelines() {}

  public static void main(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || !PIPELINES.containsKey(args[0])) {
      usage(args.length == 0 || args[0].startsWith("-") ? null : args[0]);
      if (args.length > 0 && !args[0].startsWith("-")) {
        System.exit(2);
      }
      return;
    }
    Entry entry = PIPELINES.get(args[0]);
    String[] rest = RunnerDefaults.joinSpacedValues(Arrays.copyOfRange(args, 1, args.length));
    if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
      PipelineHelp.print(args[0], entry.summary(), entry.options(), System.out);
      return;
    }
    Optional<String> interfaceHelp = Arrays.stream(rest).filter(a -> a.startsWith("--help=")).findFirst();
    if (interfaceHelp.isPresent()) {
      // Beam prints the options of the interface named (FlinkPipelineOptions: the runner's) and exits.
      PipelineOptionsFactory.register(entry.options());
      PipelineOptionsFactory.fromArgs(interfaceHelp.get()).create();
      return;
    }
    try {
      entry.main().accept(rest);
    } catch (PipelineInputException | IllegalArgumentException e) {
      // A wrong folder or option is the user's to fix: say which, without a stack trace.
      System.err.println("soundalike pipeline " + args[0] + ": " + e.getMessage());
      System.exit(2);
    }
  }

  private static void usage(String unknown) {
    if (unknown != null) {
      System.err.println("unknown pipeline '" + unknown + "'");
    }
    System.out.println("Usage: soundalike pipeline <name> [--option=value ...]   (soundalike pipeline <name> --help)");
    System.out.println("Runs on an embedded Flink by default; --flinkMaster=host:port submits to a Flink cluster.");
    PIPELINES.keySet().stream().sorted().forEach(name ->
        System.out.printf("  %-13s %s%n", name, PIPELINES.get(name).summary()));
  }
}
