package org.soundalike.pipeline.export;

import java.nio.file.Path;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.encode.EncodingException;
import org.soundalike.encode.TrackEncoder;
import org.soundalike.pipeline.runner.WorkerProgress;
import org.soundalike.progress.Progress;
import org.soundalike.search.AudioFileEmbedder;

/**
 * Embeds each track with the run's encoder, loaded once per worker instance in {@link Setup} and
 * closed in {@link Teardown} (loading a network per element would cost more than embedding it).
 * Emits the track as one exchange-format JSON line, keyed by one of {@code shards} keys so the
 * next step can batch bulk requests per key; a track that cannot be embedded goes to
 * {@link #REJECTS} with the encoder's message.
 */
final class EmbedTrackFn extends DoFn<ExportTrack, KV<Integer, String>> {

  static final TupleTag<KV<Integer, String>> EMBEDDED = new TupleTag<>() {};
  static final TupleTag<ExportReject> REJECTS = new TupleTag<>() {};

  private final String run;
  private final int shards;
  private final String progressKey;
  private final String progressLabel;
  private final long expected;
  private final Counter embedded = Metrics.counter(ExportEmbeddings.class, ExportEmbeddings.TRACKS_EMBEDDED);
  private final Counter rejected = Metrics.counter(ExportEmbeddings.class, ExportEmbeddings.TRACKS_REJECTED);
  private transient TrackEncoder encoder;
  private transient AudioFileEmbedder embedder;
  private transient Progress progress;

  EmbedTrackFn(String run, int shards, String progressKey, String progressLabel, long expected) {
    this.run = run;
    this.shards = shards;
    this.progressKey = progressKey;
    this.progressLabel = progressLabel;
    this.expected = expected;
  }

  @Setup
  public void setup() {
    encoder = TrackEncoder.load(Path.of(run), 1);
    embedder = new AudioFileEmbedder(encoder);
    progress = WorkerProgress.line(progressKey, progressLabel, "tracks", expected);
  }

  @ProcessElement
  public void process(@Element ExportTrack track, MultiOutputReceiver out) {
    String line;
    try {
      line = EmbeddedTrackJsonl.toLine(embedder.embed(track.id(), track.tags(), Path.of(track.path())));
    } catch (EncodingException e) {
      reject(out, new ExportReject(track.id(), track.path(), ExportReject.NOT_EMBEDDED, e.getMessage()));
      return;
    } catch (RuntimeException e) {
      // One odd file must not fail the whole export: it is reported like any other reject.
      reject(out, new ExportReject(track.id(), track.path(), ExportReject.UNEXPECTED,
          track.path() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()));
      return;
    }
    embedded.inc();
    out.get(EMBEDDED).output(KV.of(Math.floorMod(track.id().hashCode(), shards), line));
  }

  private void reject(MultiOutputReceiver out, ExportReject reject) {
    rejected.inc();
    progress.fail();
    out.get(REJECTS).output(reject);
  }

  @Teardown
  public void teardown() {
    if (encoder != null) {
      encoder.close();
    }
  }
}
