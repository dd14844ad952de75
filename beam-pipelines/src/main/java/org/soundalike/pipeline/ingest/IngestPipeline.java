package org.soundalike.pipeline.ingest;

import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.pipeline.runner.PipelineSummary;
import org.soundalike.pipeline.runner.RunnerDefaults;

/** {@code soundalike pipeline ingest --input DIR_OR_CATALOG --out DIR}: wires the options to {@link IngestTracks}. */
public final class IngestPipeline {

  public static final String MANIFEST = "manifest";
  public static final String REJECTS = "rejects";

  private IngestPipeline() {}

  public static void main(String[] args) {
    IngestOptions options = RunnerDefaults.parse(args, IngestOptions.class);
    PipelineSummary summary = run(options);
    System.out.println(summary.line());
  }

  /** Runs the ingest to completion. */
  public static PipelineSummary run(IngestOptions options) {
    Path out = Path.of(options.getOut()).toAbsolutePath().normalize();
    List<SourceFile> files = SourceFiles.find(Path.of(options.getInput()), out);
    System.err.println("ingest: " + files.size() + " files from " + options.getInput() + " on " + RunnerDefaults.runnerName(options));

    Pipeline pipeline = Pipeline.create(options);
    IngestTracks ingest = IngestTracks.expecting(files.size());
    PCollectionTuple result = pipeline
        .apply("ListFiles", Create.of(files).withCoder(SerializableCoder.of(SourceFile.class)))
        .apply(ingest);
    result.get(IngestTracks.MANIFEST).apply(JsonLines.write(out, MANIFEST));
    result.get(IngestTracks.REJECTS).apply(JsonLines.write(out, REJECTS));

    PipelineResult run = pipeline.run();
    run.waitUntilFinish();
    ingest.finishProgress();
    return PipelineSummary.of("ingest", run, IngestTracks.class, files.size(), out);
  }
}
