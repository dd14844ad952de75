package org.soundalike.search;

/** Which tags a tag filter looks at: the human tags, the model's predicted tags, or either. */
public enum TagSource {
  HUMAN,
  PREDICTED,
  /**
   * Either (the default): most tracks of a semi-supervised catalogue carry no human tags, so a
   * curator asking for "rock" means labelled or predicted rock.
   */
  ANY;

  String[] fields() {
    return switch (this) {
      case HUMAN -> new String[] {TrackIndexSchema.TAGS};
      case PREDICTED -> new String[] {TrackIndexSchema.PREDICTED_TAGS};
      case ANY -> new String[] {TrackIndexSchema.TAGS, TrackIndexSchema.PREDICTED_TAGS};
    };
  }
}
