package org.soundalike.pipeline.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.soundalike.audio.AudioSpec;

/**
 * Given all usable files with the same sound, lists the first (by path, so reruns agree) in the
 * manifest and reports every other copy as a {@code DUPLICATE} naming the one kept: duplicate
 * content would otherwise be trained on and indexed twice.
 */
final class KeepFirstCopyFn extends DoFn<KV<String, Iterable<InspectedTrack>>, ManifestEntry> {

  static final TupleTag<ManifestEntry> MANIFEST = new TupleTag<>() {};
  static final TupleTag<IngestReject> DUPLICATES = new TupleTag<>() {};

  /** Hex digits of the content hash used as the id of a track outside a catalog: 64 bits. */
  static final int HASH_ID_LENGTH = 16;

  private final Counter accepted = Metrics.counter(IngestTracks.class, IngestTracks.TRACKS_ACCEPTED);
  private final Counter duplicates = Metrics.counter(IngestTracks.class, IngestTracks.FILES_REJECTED);

  @ProcessElement
  public void process(@Element KV<String, Iterable<InspectedTrack>> sameSound, MultiOutputReceiver out) {
    List<InspectedTrack> copies = new ArrayList<>();
    sameSound.getValue().forEach(copies::add);
    copies.sort(Comparator.comparing(t -> t.source().path()));
    InspectedTrack first = copies.get(0);
    out.get(MANIFEST).output(entry(first));
    accepted.inc();
    for (InspectedTrack copy : copies.subList(1, copies.size())) {
      String path = copy.source().path();
      out.get(DUPLICATES).output(new IngestReject(path, IngestReject.DUPLICATE,
          path + ": same audio content as " + first.source().path(), first.source().path()));
      duplicates.inc();
    }
  }

  static ManifestEntry entry(InspectedTrack track) {
    SourceFile source = track.source();
    String id = source.catalogId() != null ? source.catalogId() : track.hash().substring(0, HASH_ID_LENGTH);
    return new ManifestEntry(id, source.path(), track.samples() / (double) AudioSpec.SAMPLE_RATE, track.samples(),
        track.excerpts(), track.hash(), source.tags(), source.split());
  }
}
