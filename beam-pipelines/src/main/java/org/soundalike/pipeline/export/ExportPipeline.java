package org.soundalike.pipeline.export;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.soundalike.dataset.Catalogs;
import org.soundalike.pipeline.ingest.ManifestEntry;
import org.soundalike.pipeline.ingest.SourceFiles;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.pipeline.runner.PipelineInputException;
import org.soundalike.pipeline.runner.PipelineSummary;
import org.soundalike.pipeline.runner.RunnerDefaults;
import org.soundalike.search.EsConnection;
import org.soundalike.search.ExportRequest;
import org.soundalike.search.IndexBuild;
import org.soundalike.search.SearchException;
import org.soundalike.search.TrackIndexSchema;

/**
 * {@code soundalike pipeline export --run RUN --manifest manifest.jsonl|--catalog DIR}: begins the
 * versioned index {@code <index>-<runId>} ({@link IndexBuild}, as {@code soundalike index} does),
 * runs {@link ExportEmbeddings}, then finishes the build: the alias moves only when the index
 * holds exactly the tracks that were not rejected and the rejects are within {@code --maxRejects}.
 * Rerunning after a crash reuses the same index (document id = track id): no duplicates.
 */
public final class ExportPipeline {

  public static final String REJECTS = "export-rejects";

  /** The pipeline's counters, the rejects file and how the index build ended. */
  public record Result(PipelineSummary pipeline, String index, long tracks, long rejected, Path rejectsFile,
      IndexBuild.Outcome outcome) {

    public String line() {
      return "export " + pipeline.state() + ": " + tracks + " tracks, " + outcome.documents() + " in " + index + ", "
          + rejected + " rejected (" + rejectsFile + "), alias " + (outcome.aliasSwitched() ? "moved to " + index
          : "left on " + outcome.previousIndices());
    }
  }

  private ExportPipeline() {}

  public static void main(String[] args) {
    ExportOptions options = RunnerDefaults.parse(args, ExportOptions.class);
    Result result;
    try {
      result = run(options);
    } catch (SearchException e) {
      // Unreachable cluster, index with other dimensions, count mismatch: the message says what to do.
      System.err.println("soundalike pipeline export: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println(result.line());
    if (!result.outcome().aliasSwitched()) {
      System.err.println("export: " + result.rejected() + " tracks rejected (allowed: " + options.getMaxRejects()
          + "), see " + result.rejectsFile() + "; fix them and rerun, or pass --maxRejects");
      System.exit(1);
    }
  }

  public static Result run(ExportOptions options) {
    ExportRun run = ExportRun.of(Path.of(options.getRun()));
    List<ExportTrack> tracks = tracks(options);
    Path out = options.getOut() != null ? Path.of(options.getOut()).toAbsolutePath() : run.folder().resolve("export");
    ExportRequest request = ExportRequest.of(options.getIndex(), run.runId(), run.provenance())
        .withSchema(TrackIndexSchema.DEFAULT.withDimensions(run.dimensions()))
        .withMaxRejects(options.getMaxRejects());
    URI url = URI.create(options.getEsUrl());
    try (EsConnection connection = EsConnection.open(url)) {
      IndexBuild build = IndexBuild.begin(connection, request, true);
      System.err.println("export: " + tracks.size() + " tracks into " + build.index() + " at " + url + " on "
          + RunnerDefaults.runnerName(options));

      Pipeline pipeline = Pipeline.create(options);
      ExportEmbeddings export = ExportEmbeddings.of(run.folder().toString(), EsTarget.of(url, request),
          options.getBatchSize(), Math.max(1, options.getParallelism()), tracks.size());
      PCollectionTuple result = pipeline
          .apply("ListTracks", Create.of(tracks).withCoder(SerializableCoder.of(ExportTrack.class)))
          .apply(export);
      result.get(ExportEmbeddings.REJECTS).apply(JsonLines.write(out, REJECTS));

      PipelineResult execution = pipeline.run();
      execution.waitUntilFinish();
      export.finishProgress();
      Path rejectsFile = out.resolve(REJECTS + ".jsonl");
      long rejected = Files.exists(rejectsFile) ? JsonLines.read(rejectsFile, ExportReject.class).size() : 0;
      IndexBuild.Outcome outcome = build.finish(tracks.size() - rejected, rejected);
      return new Result(PipelineSummary.of("export", execution, ExportEmbeddings.class, tracks.size(), out),
          build.index(), tracks.size(), rejected, rejectsFile, outcome);
    }
  }

  /** The tracks of the manifest or catalog; ids must be distinct (they are the document ids). */
  static List<ExportTrack> tracks(ExportOptions options) {
    if ((options.getManifest() == null) == (options.getCatalog() == null)) {
      throw new PipelineInputException("give exactly one of --manifest and --catalog");
    }
    List<ExportTrack> tracks;
    if (options.getManifest() != null) {
      tracks = JsonLines.read(Path.of(options.getManifest()), ManifestEntry.class).stream()
          .map(e -> new ExportTrack(e.id(), e.path(), e.tags()))
          .toList();
    } else {
      Path dir = Path.of(options.getCatalog()).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir) || !SourceFiles.isCatalog(dir)) {
        throw new PipelineInputException(dir + ": not a catalog folder (tracks.csv, MTG-Jamendo or MagnaTagATune)");
      }
      try {
        tracks = Catalogs.open(dir).tracks().stream()
            .map(t -> new ExportTrack(t.id(), t.audio().toAbsolutePath().normalize().toString(), List.copyOf(t.tags().tags())))
            .toList();
      } catch (IOException e) {
        throw new PipelineInputException(dir + ": cannot read the catalog: " + e.getMessage(), e);
      }
    }
    Set<String> ids = new HashSet<>();
    for (ExportTrack t : tracks) {
      if (!ids.add(t.id())) {
        throw new PipelineInputException("track id " + t.id() + " appears twice in the input (" + t.path()
            + "): ids are the index's document ids");
      }
    }
    return tracks;
  }
}
