package org.soundalike.encode;

import java.util.ArrayList;
import java.util.List;
import org.soundalike.audio.AudioSpec;

/**
 * How a track is cut into segments for search inside tracks: windows of {@code excerpts}
 * consecutive evaluation windows (2.68 s each), starting every {@code hop} of them. Segments are
 * pooled from the excerpt embeddings the track vector is averaged from, so they cost no extra
 * inference. Chosen from measurements (docs/benchmarks/segments.md): 4 excerpts (10.7 s) every
 * 2 (5.4 s).
 *
 * <p>A track shorter than one window is one segment of all its excerpts; when the hops do not
 * reach the end, a last window ends at the track's last excerpt, so no audio is left out.
 */
public record SegmentWindows(int excerpts, int hop) {

  public static final SegmentWindows DEFAULT = new SegmentWindows(4, 2);

  public SegmentWindows {
    if (excerpts < 1 || hop < 1 || hop > excerpts) {
      throw new IllegalArgumentException("segment windows need 1 <= hop <= excerpts, got " + excerpts + " excerpts, hop " + hop);
    }
  }

  /** A segment: excerpts {@code [from, to)} of the track. */
  public record Range(int from, int to) {

    /** Start in seconds. */
    public double at() {
      return from * AudioSpec.excerptSeconds();
    }
  }

  /** The segments of a track of {@code count} excerpts, in time order. */
  public List<Range> ranges(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a track has at least one excerpt, got " + count);
    }
    List<Range> ranges = new ArrayList<>();
    if (count <= excerpts) {
      ranges.add(new Range(0, count));
      return ranges;
    }
    int start = 0;
    for (; start + excerpts <= count; start += hop) {
      ranges.add(new Range(start, start + excerpts));
    }
    if (ranges.get(ranges.size() - 1).to() < count) {
      ranges.add(new Range(count - excerpts, count));
    }
    return ranges;
  }

  public double windowSeconds() {
    return excerpts * AudioSpec.excerptSeconds();
  }

  public double hopSeconds() {
    return hop * AudioSpec.excerptSeconds();
  }
}
