package org.soundalike.eval;

/**
 * Multi-hot labels of the retrieval tracks ({@code has[track][tag]}), with each track's tag
 * indices listed for the per-query loops.
 */
public record TagLabels(boolean[][] has, int tagCount) {

  public TagLabels {
    for (boolean[] row : has) {
      if (row.length != tagCount) {
        throw new IllegalArgumentException("every label row must have " + tagCount + " tags");
      }
    }
  }

  /** The rows of {@code labels} at {@code tracks}, in that order. */
  public static TagLabels select(boolean[][] labels, int[] tracks, int tagCount) {
    boolean[][] rows = new boolean[tracks.length][];
    for (int r = 0; r < tracks.length; r++) {
      rows[r] = labels[tracks[r]].clone();
    }
    return new TagLabels(rows, tagCount);
  }

  public int tracks() {
    return has.length;
  }

  public int[] tagsOf(int track) {
    boolean[] row = has[track];
    int count = 0;
    for (boolean b : row) {
      count += b ? 1 : 0;
    }
    int[] tags = new int[count];
    int c = 0;
    for (int t = 0; t < row.length; t++) {
      if (row[t]) {
        tags[c++] = t;
      }
    }
    return tags;
  }
}
