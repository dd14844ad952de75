package org.soundalike.corpus;

/** Major or (natural) minor: heard in the third of the tonic chord and in the melody's scale. */
public enum Mode {
  MAJOR("major", new int[] {0, 2, 4, 5, 7, 9, 11}),
  MINOR("minor", new int[] {0, 2, 3, 5, 7, 8, 10});

  private final String tag;
  private final int[] scale;

  Mode(String tag, int[] scale) {
    this.tag = tag;
    this.scale = scale;
  }

  public String tag() {
    return tag;
  }

  /** Semitones above the tonic of scale degree {@code degree} (any integer; 7 is the octave). */
  public int semitones(int degree) {
    int octave = Math.floorDiv(degree, 7);
    return 12 * octave + scale[Math.floorMod(degree, 7)];
  }
}
