package org.soundalike.pipeline.watch;

import java.io.Serializable;
import org.soundalike.pipeline.export.ExportTrack;

/** A file the watch pipeline saw: the track it becomes and its modification time (the ledger key with its path). */
public record WatchedFile(ExportTrack track, long modifiedMillis) implements Serializable {

  /** The rejects ledger's key: the same path with another modification time is a new file. */
  String ledgerKey() {
    return track.path() + "@" + modifiedMillis;
  }
}
