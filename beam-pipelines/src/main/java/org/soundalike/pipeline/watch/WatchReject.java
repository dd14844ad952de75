package org.soundalike.pipeline.watch;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;
import org.soundalike.pipeline.export.ExportReject;

/**
 * One line of {@code watch-rejects.jsonl}: an {@link ExportReject} plus the file's modification
 * time, so that a restart skips the files it already refused unless they changed since.
 */
@JsonPropertyOrder({"id", "path", "modifiedMillis", "reason", "message"})
public record WatchReject(String id, String path, long modifiedMillis, String reason, String message) implements Serializable {

  String ledgerKey() {
    return path + "@" + modifiedMillis;
  }
}
