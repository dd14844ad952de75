package org.soundalike.pipeline.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.pipeline.runner.WorkerProgress;
import org.soundalike.progress.Progress;
import org.soundalike.search.BulkWriter;
import org.soundalike.search.EsConnection;
import org.soundalike.search.Provenance;
import org.soundalike.search.Reject;
import org.soundalike.search.TrackDocument;

/**
 * Writes one batch of embedded tracks with the search package's {@link BulkWriter} (retries on
 * 429/timeouts, back-pressure: the next batch waits for this one). Document id = track id, so a
 * retried bundle or a rerun overwrites instead of duplicating. Emits the ids written; documents
 * Elasticsearch refuses go to {@link #REJECTS} with its reason.
 */
final class WriteBatchFn extends DoFn<KV<Integer, Iterable<String>>, String> {

  static final TupleTag<String> WRITTEN = new TupleTag<>() {};
  static final TupleTag<ExportReject> REJECTS = new TupleTag<>() {};

  private final EsTarget target;
  private final String progressKey;
  private final String progressLabel;
  private final long expected;
  private final Counter indexed = Metrics.counter(ExportEmbeddings.class, ExportEmbeddings.TRACKS_INDEXED);
  private final Counter rejected = Metrics.counter(ExportEmbeddings.class, ExportEmbeddings.TRACKS_REJECTED);
  private transient EsConnection connection;
  private transient BulkWriter writer;
  private transient Provenance provenance;
  private transient Progress progress;

  WriteBatchFn(EsTarget target, String progressKey, String progressLabel, long expected) {
    this.target = target;
    this.progressKey = progressKey;
    this.progressLabel = progressLabel;
    this.expected = expected;
  }

  @Setup
  public void setup() {
    connection = target.open();
    writer = target.writer(connection);
    provenance = target.provenance();
    progress = WorkerProgress.line(progressKey, progressLabel, "tracks", expected);
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<String>> batch, MultiOutputReceiver out) throws JsonProcessingException {
    List<BulkWriter.Item> items = new ArrayList<>();
    List<EmbeddedTrack> tracks = new ArrayList<>();
    for (String line : batch.getValue()) {
      EmbeddedTrack track = EmbeddedTrackJsonl.parse(line);
      tracks.add(track);
      items.add(new BulkWriter.Item(0, TrackDocument.of(track, provenance)));
    }
    List<Reject> refused = writer.write(items);
    List<String> refusedIds = refused.stream().map(Reject::trackId).toList();
    for (Reject r : refused) {
      EmbeddedTrack track = tracks.stream().filter(t -> t.id().equals(r.trackId())).findFirst().orElseThrow();
      rejected.inc();
      progress.fail();
      out.get(REJECTS).output(new ExportReject(track.id(), track.path(), ExportReject.REFUSED, track.path() + ": " + r.reason()));
    }
    for (EmbeddedTrack track : tracks) {
      if (!refusedIds.contains(track.id())) {
        indexed.inc();
        progress.advance();
        out.get(WRITTEN).output(track.id());
      }
    }
  }

  @Teardown
  public void teardown() {
    if (connection != null) {
      connection.close();
    }
  }
}
