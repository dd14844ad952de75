package org.soundalike.pipeline.ingest;

import java.nio.file.Path;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioException;
import org.soundalike.audio.AudioFacts;
import org.soundalike.audio.Excerpts;
import org.soundalike.audio.TrackTooShortException;
import org.soundalike.audio.UnsupportedAudioException;
import org.soundalike.pipeline.runner.WorkerProgress;
import org.soundalike.progress.Progress;

/**
 * Decodes each file once, streaming (memory bounded by a chunk whatever the length): checks it,
 * fingerprints its sound and counts its excerpts. A usable track goes to the main output, any other
 * file to {@link #REJECTS} with the reason: no file is dropped and none fails the pipeline.
 */
final class InspectAudioFn extends DoFn<SourceFile, InspectedTrack> {

  static final TupleTag<InspectedTrack> USABLE = new TupleTag<>() {};
  static final TupleTag<IngestReject> REJECTS = new TupleTag<>() {};

  private final String progressKey;
  private final long expectedFiles;
  private final Counter inspected = Metrics.counter(IngestTracks.class, IngestTracks.FILES_INSPECTED);
  private final Counter rejected = Metrics.counter(IngestTracks.class, IngestTracks.FILES_REJECTED);
  private transient AudioDecoder decoder;
  private transient Progress progress;

  InspectAudioFn(String progressKey, long expectedFiles) {
    this.progressKey = progressKey;
    this.expectedFiles = expectedFiles;
  }

  @Setup
  public void setup() {
    // Loads the FFmpeg natives once per worker instance, not once per file.
    decoder = new AudioDecoder();
    progress = WorkerProgress.line(progressKey, "ingest", "files", expectedFiles);
  }

  @ProcessElement
  public void process(@Element SourceFile source, MultiOutputReceiver out) {
    IngestReject reject = null;
    InspectedTrack track = null;
    try {
      track = inspect(source);
    } catch (UnsupportedAudioException e) {
      reject = IngestReject.of(source.path(), e.reason().name(), e.getMessage());
    } catch (TrackTooShortException e) {
      reject = IngestReject.of(source.path(), IngestReject.TOO_SHORT, e.getMessage());
    } catch (AudioException e) {
      reject = IngestReject.of(source.path(), UnsupportedAudioException.Reason.DECODER_ERROR.name(), e.getMessage());
    } catch (RuntimeException e) {
      // An unclassified failure still belongs to this file only, not to the whole run.
      reject = IngestReject.of(source.path(), IngestReject.UNEXPECTED,
          source.path() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    inspected.inc();
    if (reject != null) {
      rejected.inc();
      progress.fail();
      out.get(REJECTS).output(reject);
    } else {
      progress.advance();
      out.get(USABLE).output(track);
    }
  }

  private InspectedTrack inspect(SourceFile source) {
    Path file = Path.of(source.path());
    PcmFingerprint fingerprint = new PcmFingerprint();
    AudioFacts facts = decoder.stream(file, fingerprint);
    Excerpts.requireOneExcerpt(source.catalogId(), file, facts.samples());
    return new InspectedTrack(source, fingerprint.hash(), fingerprint.samples(), fingerprint.excerpts());
  }
}
