package org.soundalike.dataset;

import java.nio.file.Path;

/**
 * One track of a catalog: a stable id, where its audio is, which split it belongs to and its
 * human tags (empty when the catalog has none for it).
 */
public record Track(String id, Path audio, Split split, TagSet tags) {

  public Track {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("track id must not be blank (audio " + audio + ")");
    }
  }
}
