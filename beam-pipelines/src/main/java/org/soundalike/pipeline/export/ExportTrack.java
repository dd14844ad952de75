package org.soundalike.pipeline.export;

import java.io.Serializable;
import java.util.List;

/**
 * A track the export or watch pipeline embeds and indexes.
 *
 * @param id the document id (the catalog's or manifest's track id; for a watched folder, the file's
 *     path relative to the folder)
 * @param path the audio file, absolute
 * @param tags human tags (empty when unknown)
 */
public record ExportTrack(String id, String path, List<String> tags) implements Serializable {

  public ExportTrack {
    tags = List.copyOf(tags);
  }
}
