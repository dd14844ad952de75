package org.soundalike.pipeline.export;

import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupIntoBatches;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.joda.time.Duration;
import org.soundalike.pipeline.runner.WorkerProgress;
import org.soundalike.search.ExportRequest;

/**
 * Export: every track is embedded and written into the target index, or rejected with its reason.
 *
 * <pre>
 *   tracks ─ Reshuffle ─ EmbedTracks (encoder per worker) ─┬─ key by id ─ GroupIntoBatches ─ WriteBatches ─┬─ INDEXED ids
 *                                                         └─ not embedded ──────────────────────────────────┴─ REJECTS
 * </pre>
 *
 * The index's life (creation, alias) is not in here: the export pipeline begins and finishes it
 * around the run, the watch pipeline keeps it open.
 */
public final class ExportEmbeddings extends PTransform<PCollection<ExportTrack>, PCollectionTuple> {

  /** Ids written to the index. */
  public static final TupleTag<String> INDEXED = WriteBatchFn.WRITTEN;
  /** Tracks not in the index, with the reason (the dead-letter output). */
  public static final TupleTag<ExportReject> REJECTS = new TupleTag<>() {};

  /** Beam counter names (namespace: this class). */
  public static final String TRACKS_EMBEDDED = "tracks-embedded";
  public static final String TRACKS_INDEXED = "tracks-indexed";
  public static final String TRACKS_REJECTED = "tracks-rejected";

  private final String run;
  private final EsTarget target;
  private final int batchSize;
  private final Duration maxBuffering;
  private final int shards;
  private final long expected;
  private final String progressKey = "export-" + UUID.randomUUID();

  private ExportEmbeddings(String run, EsTarget target, int batchSize, Duration maxBuffering, int shards, long expected) {
    super("ExportEmbeddings");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    this.run = run;
    this.target = target;
    this.batchSize = batchSize;
    this.maxBuffering = maxBuffering;
    this.shards = Math.max(1, shards);
    this.expected = expected;
  }

  /**
   * @param run the training run folder whose encoder embeds the tracks
   * @param target the index written
   * @param batchSize tracks per bulk request
   * @param shards batching keys: one bulk writer per key at a time (use the parallelism)
   * @param expected the number of tracks, for the progress line's ETA (0 if unknown)
   */
  public static ExportEmbeddings of(String run, EsTarget target, int batchSize, int shards, long expected) {
    return new ExportEmbeddings(run, target, batchSize, null, shards, expected);
  }

  /** For unbounded input: a batch is written when full or after {@code maxBuffering}, whichever is first. */
  public ExportEmbeddings flushingAfter(Duration buffering) {
    return new ExportEmbeddings(run, target, batchSize, buffering, shards, expected);
  }

  /** Prints the final progress line of this export in this JVM (after the pipeline finished). */
  public void finishProgress() {
    WorkerProgress.finish(progressKey);
  }

  @Override
  public PCollectionTuple expand(PCollection<ExportTrack> tracks) {
    String label = "export " + target.index();
    PCollectionTuple embedded = tracks
        // Embedding is the expensive step: spread the tracks over all workers rather than fusing with the source.
        .apply("SpreadTracks", Reshuffle.viaRandomKey())
        .apply("EmbedTracks", ParDo.of(new EmbedTrackFn(run, shards, progressKey, label, expected))
            .withOutputTags(EmbedTrackFn.EMBEDDED, TupleTagList.of(EmbedTrackFn.REJECTS)));
    embedded.get(EmbedTrackFn.REJECTS).setCoder(SerializableCoder.of(ExportReject.class));

    // Tracks carry their segments: a batch is also closed by its JSON size (the lines are the documents).
    GroupIntoBatches<Integer, String> batches = GroupIntoBatches.<Integer, String>ofSize(batchSize)
        .withByteSize(ExportRequest.MAX_BATCH_JSON_BYTES, line -> (long) line.length());
    if (maxBuffering != null) {
      batches = batches.withMaxBufferingDuration(maxBuffering);
    }
    PCollectionTuple written = embedded.get(EmbedTrackFn.EMBEDDED)
        .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()))
        .apply("Batch", batches)
        .apply("WriteBatches", ParDo.of(new WriteBatchFn(target, progressKey, label, expected))
            .withOutputTags(WriteBatchFn.WRITTEN, TupleTagList.of(WriteBatchFn.REJECTS)));
    PCollection<String> indexed = written.get(WriteBatchFn.WRITTEN).setCoder(StringUtf8Coder.of());
    written.get(WriteBatchFn.REJECTS).setCoder(SerializableCoder.of(ExportReject.class));

    PCollection<ExportReject> rejects = PCollectionList.of(embedded.get(EmbedTrackFn.REJECTS))
        .and(written.get(WriteBatchFn.REJECTS))
        .apply("AllRejects", Flatten.pCollections());
    return PCollectionTuple.of(INDEXED, indexed).and(REJECTS, rejects);
  }
}
