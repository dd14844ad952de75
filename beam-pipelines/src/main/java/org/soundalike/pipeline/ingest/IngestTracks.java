package org.soundalike.pipeline.ingest;

import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.soundalike.pipeline.runner.WorkerProgress;

/**
 * Ingest: every input file becomes exactly one manifest entry or exactly one reject.
 *
 * <pre>
 *   files ─ Reshuffle ─ InspectAudio ─┬─ usable ─ key by sound hash ─ GroupByKey ─ KeepFirstCopy ─┬─ MANIFEST
 *                                     │                                                         └─ duplicates ┐
 *                                     └─ undecodable, truncated, too short, not audio ────────────────────────┴─ REJECTS
 * </pre>
 */
public final class IngestTracks extends PTransform<PCollection<SourceFile>, PCollectionTuple> {

  /** Usable tracks, one per distinct sound. */
  public static final TupleTag<ManifestEntry> MANIFEST = KeepFirstCopyFn.MANIFEST;
  /** Every other input file, with the reason (the dead-letter output). */
  public static final TupleTag<IngestReject> REJECTS = new TupleTag<>() {};

  /** Beam counter names (namespace: this class), read back from the PipelineResult. */
  public static final String FILES_INSPECTED = "files-inspected";
  public static final String FILES_REJECTED = "files-rejected";
  public static final String TRACKS_ACCEPTED = "tracks-accepted";

  private final long expectedFiles;
  private final String progressKey;

  private IngestTracks(long expectedFiles) {
    super("IngestTracks");
    this.expectedFiles = expectedFiles;
    this.progressKey = "ingest-" + UUID.randomUUID();
  }

  /** @param expectedFiles the number of input files, for the progress line's ETA (0 if unknown) */
  public static IngestTracks expecting(long expectedFiles) {
    return new IngestTracks(expectedFiles);
  }

  /** Prints the final progress line of this ingest in this JVM (call after the pipeline finished). */
  public void finishProgress() {
    WorkerProgress.finish(progressKey);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceFile> files) {
    PCollectionTuple inspected = files
        // Decoding is the expensive step: spread the files over all workers rather than fusing with the source.
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("InspectAudio", ParDo.of(new InspectAudioFn(progressKey, expectedFiles))
            .withOutputTags(InspectAudioFn.USABLE, TupleTagList.of(InspectAudioFn.REJECTS)));
    inspected.get(InspectAudioFn.USABLE).setCoder(SerializableCoder.of(InspectedTrack.class));
    inspected.get(InspectAudioFn.REJECTS).setCoder(SerializableCoder.of(IngestReject.class));

    PCollectionTuple distinct = inspected.get(InspectAudioFn.USABLE)
        .apply("KeyBySound", WithKeys.of(InspectedTrack::hash).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(InspectedTrack.class)))
        .apply("GroupSameSound", GroupByKey.create())
        .apply("KeepFirstCopy", ParDo.of(new KeepFirstCopyFn())
            .withOutputTags(KeepFirstCopyFn.MANIFEST, TupleTagList.of(KeepFirstCopyFn.DUPLICATES)));
    PCollection<ManifestEntry> manifest = distinct.get(KeepFirstCopyFn.MANIFEST)
        .setCoder(SerializableCoder.of(ManifestEntry.class));
    distinct.get(KeepFirstCopyFn.DUPLICATES).setCoder(SerializableCoder.of(IngestReject.class));

    PCollection<IngestReject> rejects = PCollectionList.of(inspected.get(InspectAudioFn.REJECTS))
        .and(distinct.get(KeepFirstCopyFn.DUPLICATES))
        .apply("AllRejects", Flatten.pCollections());
    return PCollectionTuple.of(MANIFEST, manifest).and(REJECTS, rejects);
  }
}
