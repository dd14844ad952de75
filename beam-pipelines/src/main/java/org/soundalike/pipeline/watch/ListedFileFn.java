package org.soundalike.pipeline.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.soundalike.pipeline.export.ExportTrack;

/**
 * A file found in the watched folder → the track it becomes; its id is its path relative to the
 * folder (with the extension: {@code a.wav} and {@code a.flac} are two tracks). Hidden files and
 * files still being written under a temporary name are left alone.
 */
final class ListedFileFn extends DoFn<MatchResult.Metadata, WatchedFile> {

  private final String folder;

  ListedFileFn(String folder) {
    this.folder = folder;
  }

  @ProcessElement
  public void process(@Element MatchResult.Metadata file, OutputReceiver<WatchedFile> out) {
    Path path = Path.of(file.resourceId().toString()).toAbsolutePath().normalize();
    String name = path.getFileName().toString();
    if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp")) {
      return;
    }
    String id = Path.of(folder).relativize(path).toString();
    long modified;
    try {
      // Read the way the rejects ledger reads it (AppendRejectsFn), so a refused file matches its ledger line exactly.
      modified = Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      // Gone again since the listing: nothing to index.
      return;
    }
    out.output(new WatchedFile(new ExportTrack(id, path.toString(), List.of()), modified));
  }
}
