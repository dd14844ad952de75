package org.soundalike.corpus;

import java.util.List;

/** A piece arranged into parts, ready to render: {@code seconds} of audio are rendered from it. */
public record Score(PieceSpec piece, double seconds, List<Part> parts) {

  public Score {
    parts = List.copyOf(parts);
  }

  /** The same piece with only the part tagged {@code tag}: how a part is heard alone. */
  public Score only(String tag) {
    List<Part> kept = parts.stream().filter(p -> p.tag().equals(tag)).toList();
    if (kept.isEmpty()) {
      throw new IllegalArgumentException(piece.name() + " has no part tagged '" + tag + "'");
    }
    return new Score(piece, seconds, kept);
  }

  public List<String> partTags() {
    return parts.stream().map(Part::tag).toList();
  }
}
