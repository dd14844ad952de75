package org.soundalike.pipeline.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.soundalike.pipeline.export.EsTarget;
import org.soundalike.pipeline.export.ExportTrack;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.search.EsConnection;

/**
 * What makes a restart cheap: a file whose id is already a document of the index, or that the
 * rejects ledger already refused with the same modification time, is not embedded again (a
 * restarted watch lists the whole folder again, since it keeps no state of its own).
 */
final class SkipKnownFilesFn extends DoFn<WatchedFile, ExportTrack> {

  static final String SKIPPED_INDEXED = "files-skipped-indexed";
  static final String SKIPPED_REJECTED = "files-skipped-rejected";

  private final EsTarget target;
  private final String ledger;
  private final Counter skippedIndexed = Metrics.counter(WatchPipeline.class, SKIPPED_INDEXED);
  private final Counter skippedRejected = Metrics.counter(WatchPipeline.class, SKIPPED_REJECTED);
  private transient EsConnection connection;
  private transient Set<String> refused;

  SkipKnownFilesFn(EsTarget target, String ledger) {
    this.target = target;
    this.ledger = ledger;
  }

  @Setup
  public void setup() {
    connection = target.open();
    Path file = Path.of(ledger);
    refused = Files.exists(file)
        ? JsonLines.read(file, WatchReject.class).stream().map(WatchReject::ledgerKey).collect(Collectors.toSet())
        : Set.of();
  }

  @ProcessElement
  public void process(@Element WatchedFile file, OutputReceiver<ExportTrack> out) {
    if (refused.contains(file.ledgerKey())) {
      skippedRejected.inc();
      return;
    }
    String id = file.track().id();
    boolean indexed = connection.call("look up " + id + " in " + target.index(),
        () -> connection.client().exists(e -> e.index(target.index()).id(id)).value());
    if (indexed) {
      skippedIndexed.inc();
      return;
    }
    out.output(file.track());
  }

  @Teardown
  public void teardown() {
    if (connection != null) {
      connection.close();
    }
  }
}
