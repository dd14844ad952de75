package org.soundalike.pipeline.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One input file of an ingest: its path, and what the catalog says about it when it came from one.
 * Paths travel as strings because {@link java.nio.file.Path} is not serialisable between workers.
 *
 * @param path the audio file, absolute
 * @param catalogId the catalog's track id, or null for a plain folder (the content hash becomes the id)
 * @param split {@code train}, {@code valid} or {@code test} from the catalog, or null for a plain folder
 * @param tags the catalog's tags for the track, sorted (empty for a plain folder)
 */
public record SourceFile(String path, String catalogId, String split, List<String> tags) implements Serializable {

  public SourceFile {
    tags = List.copyOf(tags);
  }

  public static SourceFile plain(String path) {
    return new SourceFile(path, null, null, List.of());
  }
}
