package org.soundalike.corpus;

/** The tempo tags: each is a range of beats per minute, so the tag follows from the rendered tempo. */
public enum TempoBand {
  SLOW("slow", 60, 85),
  MEDIUM("medium", 85, 120),
  FAST("fast", 120, 181);

  private final String tag;
  private final int minBpm;
  private final int maxBpmExclusive;

  TempoBand(String tag, int minBpm, int maxBpmExclusive) {
    this.tag = tag;
    this.minBpm = minBpm;
    this.maxBpmExclusive = maxBpmExclusive;
  }

  public String tag() {
    return tag;
  }

  public int minBpm() {
    return minBpm;
  }

  public int maxBpmExclusive() {
    return maxBpmExclusive;
  }

  public boolean contains(int bpm) {
    return bpm >= minBpm && bpm < maxBpmExclusive;
  }

  public static TempoBand of(int bpm) {
    for (TempoBand band : values()) {
      if (band.contains(bpm)) {
        return band;
      }
    }
    throw new IllegalArgumentException(bpm + " BPM is outside every tempo band (60..180)");
  }
}
