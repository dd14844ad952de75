package org.soundalike.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.soundalike.dataset.EmbeddedTrack;

/**
 * Exports embedded tracks into a versioned index and moves the alias to it once it is complete.
 *
 * <p>Order of work: the template and the index {@code <alias>-<run>} are created (or the existing
 * one reused: document id = track id, so a rerun after a crash overwrites instead of duplicating);
 * every line is validated (dimensions, finite values, duplicate ids) and bulk-indexed; the index
 * is refreshed and counted; only when the count equals the accepted tracks and the rejects are
 * within the allowance does one atomic request move the alias. Until then readers keep seeing the
 * previous index, so the alias never points at a half-built one.
 */
public final class TrackExporter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EsConnection connection;
  private final TrackIndices indices;

  public TrackExporter(EsConnection connection) {
    this.connection = connection;
    this.indices = new TrackIndices(connection);
  }

  /**
   * Exports {@code lines}; {@code afterBatch} receives the number of input lines done so far
   * (indexed or rejected) after each acknowledged batch, for a progress line.
   */
  public ExportReport export(Iterator<TrackJsonlSource.Line> lines, ExportRequest request, LongConsumer afterBatch) {
    long start = System.nanoTime();
    connection.health();
    String index = request.index();
    TrackIndexSchema schema = request.schema();
    ObjectNode meta = meta(request);
    indices.putTemplate(request.alias(), schema);
    if (indices.exists(index)) {
      int dims = indices.dimensions(index);
      if (dims != schema.dimensions()) {
        throw new ExportException("index " + index + " already exists with " + dims + " dimensions, this export has "
            + schema.dimensions() + ": use another --run");
      }
    } else {
      indices.create(index, schema, meta);
    }

    indices.buildMode(index, true);
    BulkWriter writer = new BulkWriter(connection, index, schema, request.retry());
    List<Reject> rejects = new ArrayList<>();
    Map<String, Long> firstLineOfId = new HashMap<>();
    List<BulkWriter.Item> batch = new ArrayList<>(request.batchSize());
    long read = 0;
    long sent = 0;
    long refused = 0;
    while (lines.hasNext()) {
      TrackJsonlSource.Line line = lines.next();
      read++;
      String problem = line.problem();
      EmbeddedTrack track = line.track();
      if (problem == null) {
        problem = Vectors.problem(track.embedding(), schema.dimensions());
      }
      if (problem == null) {
        Long first = firstLineOfId.putIfAbsent(track.id(), line.number());
        if (first != null) {
          problem = "duplicate track id (first seen on line " + first + ")";
        }
      }
      if (problem != null) {
        rejects.add(new Reject(line.number(), line.idHint(), problem));
        continue;
      }
      batch.add(new BulkWriter.Item(line.number(), TrackDocument.of(track, request.provenance())));
      if (batch.size() == request.batchSize()) {
        sent += batch.size();
        refused += send(writer, batch, rejects);
        afterBatch.accept(read);
      }
    }
    if (!batch.isEmpty()) {
      sent += batch.size();
      refused += send(writer, batch, rejects);
    }
    afterBatch.accept(read);

    // Every sent track has a distinct id; those the server refused are in the rejects too.
    long accepted = sent - refused;
    indices.buildMode(index, false);
    indices.refresh(index);
    long counted = indices.count(index);
    List<String> previous = indices.aliasTargets(request.alias());
    if (counted != accepted) {
      throw new ExportException("index " + index + " holds " + counted + " documents but " + accepted
          + " tracks were accepted (documents left from another input under the same run?): alias '"
          + request.alias() + "' left on " + previous + "; export under a new --run");
    }
    boolean switched = rejects.size() <= request.maxRejects();
    if (switched) {
      indices.markComplete(index, meta, counted);
      indices.switchAlias(request.alias(), index);
    }
    return new ExportReport(index, request.alias(), read, counted, rejects, switched,
        previous.stream().filter(p -> !p.equals(index)).toList(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** Sends and empties the batch; returns how many tracks Elasticsearch refused. */
  private static int send(BulkWriter writer, List<BulkWriter.Item> batch, List<Reject> rejects) {
    List<Reject> refused = writer.write(batch);
    rejects.addAll(refused);
    batch.clear();
    return refused.size();
  }

  private static ObjectNode meta(ExportRequest request) {
    ObjectNode meta = JSON.createObjectNode();
    Provenance p = request.provenance();
    meta.put("run_id", p.runId()).put("model_config", p.modelConfig()).put("code_version", p.codeVersion())
        .put("indexed_at", p.indexedAt().toString()).put("dimensions", request.schema().dimensions())
        .put("index_options", request.schema().vectorOptions().label()).put("export_complete", false);
    return meta;
  }
}
