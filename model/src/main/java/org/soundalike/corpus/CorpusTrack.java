package org.soundalike.corpus;

import org.soundalike.dataset.Split;
import org.soundalike.dataset.TagSet;

/**
 * One track of the demo corpus: the piece it renders, its split, and the labels written to
 * tracks.csv (the piece's true tags unless label noise replaced some).
 */
public record CorpusTrack(PieceSpec piece, Split split, TagSet labels) {

  /** Relative to the corpus folder. */
  public String audioPath() {
    return "audio/" + piece.name() + ".wav";
  }

  /** The id {@link org.soundalike.dataset.GenericCatalog} gives it: the path without extension. */
  public String id() {
    return "audio/" + piece.name();
  }

  public TagSet truth() {
    return piece.tags();
  }
}
