package org.soundalike.pipeline.watch;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;
import org.soundalike.pipeline.export.EsTarget;
import org.soundalike.pipeline.export.ExportEmbeddings;
import org.soundalike.pipeline.export.ExportRun;
import org.soundalike.pipeline.export.ExportTrack;
import org.soundalike.pipeline.runner.PipelineInputException;
import org.soundalike.pipeline.runner.RunnerDefaults;
import org.soundalike.search.EsConnection;
import org.soundalike.search.ExportRequest;
import org.soundalike.search.IndexBuild;
import org.soundalike.search.SearchException;
import org.soundalike.search.TrackIndexSchema;
import org.soundalike.search.TrackIndices;

/**
 * {@code soundalike pipeline watch --input DIR --run RUN}: a streaming pipeline that keeps the
 * index {@code <index>-<runId>} in step with a folder.
 *
 * <pre>
 *   FileIO.match continuously (new and changed files) ─ ListedFile ─ SkipKnownFiles (in the index, or refused before)
 *     ─ ExportEmbeddings (batches flushed after --flushSeconds) ─┬─ indexed: searchable after the next refresh (1 s)
 *                                                               └─ rejects: appended to watch-rejects.jsonl (also the ledger)
 * </pre>
 *
 * The index is searched while it grows, so its refresh stays on. When the alias points nowhere
 * it is pointed at this index; when it points at another index, that one is left alone (an
 * export decides what the alias shows) and the watched files are searchable by the index's name.
 */
public final class WatchPipeline {

  public static final String REJECTS_FILE = "watch-rejects.jsonl";

  /** A started watch: the running pipeline, the index it writes, its rejects file. */
  public record Watching(PipelineResult pipeline, String index, Path rejectsFile) {}

  private WatchPipeline() {}

  public static void main(String[] args) {
    WatchOptions options = RunnerDefaults.parse(args, WatchOptions.class);
    Watching watching;
    try {
      watching = start(options);
    } catch (SearchException e) {
      System.err.println("soundalike pipeline watch: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.err.println("watch: " + options.getInput() + " → " + watching.index() + "; rejects in " + watching.rejectsFile()
        + " (Ctrl-C stops; a restart skips what is already indexed or refused)");
    watching.pipeline().waitUntilFinish();
  }

  /** Prepares the index and starts the pipeline; returns without waiting when {@code --attachedMode=false}. */
  public static Watching start(WatchOptions options) {
    Path folder = Path.of(options.getInput()).toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new PipelineInputException(folder + ": not a folder to watch");
    }
    ExportRun run = ExportRun.of(Path.of(options.getRun()));
    Path out = options.getOut() != null ? Path.of(options.getOut()).toAbsolutePath() : run.folder().resolve("watch");
    Path rejects = out.resolve(REJECTS_FILE);
    ExportRequest request = ExportRequest.of(options.getIndex(), run.runId(), run.provenance())
        .withSchema(TrackIndexSchema.DEFAULT.withDimensions(run.dimensions()));
    URI url = URI.create(options.getEsUrl());
    try (EsConnection connection = EsConnection.open(url)) {
      IndexBuild.begin(connection, request, false);
      TrackIndices indices = new TrackIndices(connection);
      List<String> targets = indices.aliasTargets(options.getIndex());
      if (targets.isEmpty()) {
        indices.switchAlias(options.getIndex(), request.index());
      } else if (!targets.contains(request.index())) {
        System.err.println("watch: alias '" + options.getIndex() + "' points at " + targets + ", not at " + request.index()
            + ": watched files are searchable with --index " + request.index());
      }
    }

    options.setStreaming(true);
    EsTarget target = EsTarget.of(url, request);
    Pipeline pipeline = Pipeline.create(options);
    PCollectionTuple exported = pipeline
        .apply("MatchFolder", FileIO.match().filepattern(folder + "/**")
            .continuously(Duration.standardSeconds(options.getPollSeconds()), Watch.Growth.never(), true))
        .apply("ListedFile", ParDo.of(new ListedFileFn(folder.toString())))
        .setCoder(SerializableCoder.of(WatchedFile.class))
        .apply("SkipKnownFiles", ParDo.of(new SkipKnownFilesFn(target, rejects.toString())))
        .setCoder(SerializableCoder.of(ExportTrack.class))
        .apply(ExportEmbeddings.of(run.folder().toString(), target, options.getBatchSize(),
                Math.max(1, options.getParallelism()), 0)
            .flushingAfter(Duration.standardSeconds(options.getFlushSeconds())));
    exported.get(ExportEmbeddings.REJECTS).apply("AppendRejects", ParDo.of(new AppendRejectsFn(rejects.toString())));
    return new Watching(pipeline.run(), request.index(), rejects);
  }
}
