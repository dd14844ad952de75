package org.soundalike.pipeline.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.beam.sdk.transforms.DoFn;
import org.soundalike.pipeline.export.ExportReject;
import org.soundalike.pipeline.runner.JsonLines;

/**
 * Appends each reject of the unbounded watch pipeline to {@code watch-rejects.jsonl} at once (a
 * windowed file sink would hold it back until its window closes, and the file is also the ledger
 * a restart reads). One line per write, under a JVM-wide lock, so lines never interleave.
 */
final class AppendRejectsFn extends DoFn<ExportReject, Void> {

  private static final Object LOCK = new Object();

  private final String file;

  AppendRejectsFn(String file) {
    this.file = file;
  }

  @ProcessElement
  public void process(@Element ExportReject reject) {
    Path path = Path.of(file);
    long modified;
    try {
      modified = Files.getLastModifiedTime(Path.of(reject.path())).toMillis();
    } catch (IOException e) {
      // The file vanished since: no modification time to remember.
      modified = 0;
    }
    String line = JsonLines.toJson(new WatchReject(reject.id(), reject.path(), modified, reject.reason(), reject.message()))
        + System.lineSeparator();
    synchronized (LOCK) {
      try {
        Files.createDirectories(path.getParent());
        Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to " + path, e);
      }
    }
  }
}
