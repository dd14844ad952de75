package org.soundalike.pipeline.ingest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;
import java.util.List;

/**
 * One line of {@code manifest.jsonl} (docs/formats.md "Ingest manifest"): a usable track.
 *
 * @param id the catalog's id, else the first 16 hex digits of the content hash
 * @param path the audio file, absolute
 * @param seconds decoded duration
 * @param samples decoded mono samples at 22,050 Hz (training crops are drawn from them)
 * @param excerpts evaluation windows the track holds (at least 1)
 * @param hash SHA-256 of the decoded PCM
 * @param tags the catalog's tags (empty for a plain folder)
 * @param split {@code train}, {@code valid}, {@code test}, or null for a plain folder
 */
@JsonPropertyOrder({"id", "path", "seconds", "samples", "excerpts", "hash", "tags", "split"})
public record ManifestEntry(
    String id, String path, double seconds, long samples, int excerpts, String hash, List<String> tags, String split)
    implements Serializable {

  public ManifestEntry {
    tags = List.copyOf(tags);
  }

  /** Whether training views are drawn from this track: the train split, or every track of a plain folder. */
  public boolean forTraining() {
    return split == null || "train".equals(split);
  }
}
