package org.soundalike.corpus;

/**
 * Corpus v2's mood tags. Each is a rule over what is rendered (mode, tempo, drums), so it is as
 * audible as those are; and each holds for a minority of tracks, like the mood tags of a real
 * catalog (MTG-Jamendo's happy, relaxing and energetic are 2.5–3 % of its tracks).
 */
public enum Mood {
  /** Major and at least 130 BPM. */
  HAPPY("happy"),
  /** Minor and at most 72 BPM. */
  SAD("sad"),
  /** Drums at 150 BPM or more. */
  ENERGETIC("energetic"),
  /** No drums, major, at most 80 BPM. */
  RELAXING("relaxing");

  private final String tag;

  Mood(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }

  public boolean holds(PieceSpec piece) {
    boolean major = piece.mode() == Mode.MAJOR;
    return switch (this) {
      case HAPPY -> major && piece.bpm() >= 130;
      case SAD -> !major && piece.bpm() <= 72;
      case ENERGETIC -> piece.drums() && piece.bpm() >= 150;
      case RELAXING -> !piece.drums() && major && piece.bpm() <= 80;
    };
  }
}
