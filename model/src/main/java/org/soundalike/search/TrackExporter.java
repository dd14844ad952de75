package org.soundalike.search;

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
 * <p>Order of work ({@link IndexBuild} holds the index's side of it, which the export pipeline
 * shares): the index {@code <alias>-<run>} is created or reused; every line is validated
 * (dimensions, finite values, duplicate ids) and bulk-indexed one batch at a time (at most
 * {@code batchSize} tracks or {@link ExportRequest#MAX_VECTORS_PER_BATCH} vectors); then the build
 * is finished: counted, and the alias moved only when the count matches and the rejects are
 * within the allowance.
 */
public final class TrackExporter {

  private final EsConnection connection;

  public TrackExporter(EsConnection connection) {
    this.connection = connection;
  }

  /**
   * Exports {@code lines}; {@code afterBatch} receives the number of input lines done so far
   * (indexed or rejected) after each acknowledged batch, for a progress line.
   */
  public ExportReport export(Iterator<TrackJsonlSource.Line> lines, ExportRequest request, LongConsumer afterBatch) {
    long start = System.nanoTime();
    IndexBuild build = IndexBuild.begin(connection, request, true);
    TrackIndexSchema schema = request.schema();
    BulkWriter writer = build.writer();
    List<Reject> rejects = new ArrayList<>();
    Map<String, Long> firstLineOfId = new HashMap<>();
    List<BulkWriter.Item> batch = new ArrayList<>(request.batchSize());
    int vectorsInBatch = 0;
    long read = 0;
    long sent = 0;
    long refused = 0;
    while (lines.hasNext()) {
      TrackJsonlSource.Line line = lines.next();
      read++;
      String problem = line.problem();
      EmbeddedTrack track = line.track();
      if (problem == null) {
        problem = Vectors.problem(track, schema.dimensions());
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
      vectorsInBatch += 1 + track.segments().size();
      if (batch.size() == request.batchSize() || vectorsInBatch >= ExportRequest.MAX_VECTORS_PER_BATCH) {
        vectorsInBatch = 0;
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
    IndexBuild.Outcome outcome = build.finish(sent - refused, rejects.size());
    return new ExportReport(build.index(), request.alias(), read, outcome.documents(), rejects, outcome.aliasSwitched(),
        outcome.previousIndices(), Duration.ofNanos(System.nanoTime() - start));
  }

  /** Sends and empties the batch; returns how many tracks Elasticsearch refused. */
  private static int send(BulkWriter writer, List<BulkWriter.Item> batch, List<Reject> rejects) {
    List<Reject> refused = writer.write(batch);
    rejects.addAll(refused);
    batch.clear();
    return refused.size();
  }
}
