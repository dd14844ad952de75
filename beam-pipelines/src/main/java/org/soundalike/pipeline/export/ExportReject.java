package org.soundalike.pipeline.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;

/**
 * One line of {@code export-rejects.jsonl} / {@code watch-rejects.jsonl}: a track that is not in
 * the index, and why.
 *
 * @param id the track id
 * @param path its audio file
 * @param reason {@link #NOT_EMBEDDED} (undecodable, too short: the encoder's message says which),
 *     {@link #REFUSED} (Elasticsearch refused the document) or {@link #UNEXPECTED}
 * @param message the detail, naming the file
 */
@JsonPropertyOrder({"id", "path", "reason", "message"})
public record ExportReject(String id, String path, String reason, String message) implements Serializable {

  public static final String NOT_EMBEDDED = "NOT_EMBEDDED";
  public static final String REFUSED = "REFUSED";
  public static final String UNEXPECTED = "UNEXPECTED";
}
