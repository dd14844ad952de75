package org.soundalike.pipeline.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;

/**
 * One line of {@code rejects.jsonl} (docs/formats.md "Ingest manifest"): an input file that is not
 * in the manifest, and why.
 *
 * @param path the file
 * @param reason a stable code: a {@link org.soundalike.audio.UnsupportedAudioException.Reason}
 *     name, {@code TOO_SHORT}, {@code DUPLICATE} or {@code UNEXPECTED}
 * @param message the decoder's message, naming the file and the detail
 * @param duplicateOf for {@code DUPLICATE}: the file kept with the same content
 */
@JsonPropertyOrder({"path", "reason", "message", "duplicateOf"})
public record IngestReject(
    String path, String reason, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf)
    implements Serializable {

  public static final String TOO_SHORT = "TOO_SHORT";
  public static final String DUPLICATE = "DUPLICATE";
  public static final String UNEXPECTED = "UNEXPECTED";

  public static IngestReject of(String path, String reason, String message) {
    return new IngestReject(path, reason, message, null);
  }
}
