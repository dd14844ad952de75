package org.soundalike.cli;

import org.soundalike.run.CodeVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.soundalike.progress.Progress;
import org.soundalike.search.EsConnection;
import org.soundalike.search.ExportReport;
import org.soundalike.search.ExportRequest;
import org.soundalike.search.Provenance;
import org.soundalike.search.Reject;
import org.soundalike.search.SearchException;
import org.soundalike.search.TrackExporter;
import org.soundalike.search.TrackIndexSchema;
import org.soundalike.search.TrackJsonlSource;
import org.soundalike.search.VectorIndexOptions;
import org.soundalike.search.VectorIndexType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soundalike index}: export embedded tracks into a versioned index and move the alias. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Export embedded tracks (JSON lines: id, tags, embedding, scores) into Elasticsearch.",
      "Writes <index>-<run> and points the alias <index> at it once every track is in and counted;",
      "the previous index stays until 'soundalike indices --prune'. Rerunning the same run is idempotent.",
      "Rejected tracks (wrong dimensions, NaN, duplicate id, refused by Elasticsearch) go to the reject report."
    })
public final class Index implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--input", required = true, paramLabel = "TRACKS.jsonl", description = "Embedded tracks, one JSON object per line.")
  Path input;

  @Option(names = "--index", defaultValue = "tracks", paramLabel = "NAME", description = "The alias searches use (default: ${DEFAULT-VALUE}).")
  String alias;

  @Option(names = "--run", paramLabel = "RUN",
      description = "Names the versioned index <index>-<run> (default: the first 12 hex digits of the input's SHA-256, so the same input lands in the same index).")
  String run;

  @Option(names = "--model-config", defaultValue = "", paramLabel = "TEXT", description = "The model configuration, recorded as provenance.")
  String modelConfig;

  @Option(names = "--dims", description = "Embedding dimensions; tracks of another size are rejected "
      + "(default: the size of the input's first valid track, else " + TrackIndexSchema.DEFAULT_DIMENSIONS + ").")
  Integer dims;

  @Option(names = "--index-type", defaultValue = "int8_hnsw", description = "hnsw, int8_hnsw or bbq_hnsw (default: ${DEFAULT-VALUE}; see docs/benchmarks/search.md).")
  String indexType;

  @Option(names = "--rescore-oversample", defaultValue = "3",
      description = "For int8_hnsw/bbq_hnsw: re-rank k × this many candidates with the float vectors (default: ${DEFAULT-VALUE}; 0 = none, only with hnsw).")
  float oversample;

  @Option(names = "--max-rejects", defaultValue = "0", description = "Rejected tracks that still let the alias move (default: ${DEFAULT-VALUE}).")
  int maxRejects;

  @Option(names = "--rejects", paramLabel = "FILE", description = "The reject report, JSON lines (default: <input>.rejects.jsonl, written only when tracks are rejected).")
  Path rejectsFile;

  @Option(names = "--batch-size", defaultValue = "" + ExportRequest.DEFAULT_BATCH_SIZE, description = "Tracks per bulk request (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Mixin EsOptions es;

  @Override
  public Integer call() throws IOException {
    Path report = rejectsFile != null ? rejectsFile : input.resolveSibling(input.getFileName() + ".rejects.jsonl");
    Files.deleteIfExists(report);
    TrackJsonlSource.Scan scan = TrackJsonlSource.scan(input);
    String runId = run != null ? run : scan.sha256().substring(0, 12);
    int dimensions = dims != null ? dims : scan.dimensions() > 0 ? scan.dimensions() : TrackIndexSchema.DEFAULT_DIMENSIONS;
    TrackIndexSchema schema = TrackIndexSchema.DEFAULT.withDimensions(dimensions)
        .withVectorOptions(VectorIndexOptions.of(VectorIndexType.fromEsName(indexType), oversample));
    ExportRequest request = ExportRequest.of(alias, runId, new Provenance(runId, modelConfig, CodeVersion.current(), Instant.now()))
        .withSchema(schema).withBatchSize(batchSize).withMaxRejects(maxRejects);
    ExportReport result;
    try (EsConnection connection = es.open();
        TrackJsonlSource source = new TrackJsonlSource(input);
        Progress progress = new Progress("index " + request.index(), "tracks", scan.lines())) {
      long[] last = {0};
      result = new TrackExporter(connection).export(source, request, done -> {
        progress.advance(done - last[0]);
        last[0] = done;
      });
    } catch (SearchException e) {
      System.err.println("soundalike index: " + e.getMessage());
      return 2;
    }
    if (!result.rejects().isEmpty()) {
      writeRejects(report, result);
    }
    ObjectNode summary = JSON.createObjectNode();
    summary.put("index", result.index()).put("alias", result.alias()).put("read", result.read()).put("indexed", result.indexed())
        .put("rejected", result.rejects().size()).put("alias_switched", result.aliasSwitched())
        .put("docs_per_s", Math.round(result.docsPerSecond()));
    result.previousIndices().forEach(summary.putArray("previous_indices")::add);
    if (!result.rejects().isEmpty()) {
      summary.put("rejects_file", report.toString());
    }
    System.out.println(JSON.writeValueAsString(summary));
    if (!result.aliasSwitched()) {
      System.err.println("soundalike index: " + result.rejects().size() + " tracks rejected (allowed: " + maxRejects + "), see "
          + report + "; alias '" + alias + "' " + (result.previousIndices().isEmpty() ? "not created" : "left on " + result.previousIndices())
          + ". Fix the input and rerun, or pass --max-rejects.");
      return 1;
    }
    return 0;
  }

  private static void writeRejects(Path file, ExportReport result) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Reject r : result.rejects()) {
        ObjectNode line = JSON.createObjectNode().put("line", r.line()).put("id", r.trackId()).put("reason", r.reason());
        out.write(JSON.writeValueAsString(line));
        out.newLine();
      }
    }
    result.rejects().stream().limit(10).forEach(r -> System.err.println("rejected: line " + r.line() + " (" + r.trackId() + "): " + r.reason()));
  }
}
