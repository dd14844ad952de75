package org.soundalike.search.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Generated stand-ins for a track's segment embeddings: unit vectors scattered around the track's
 * own vector (a track's stretches sound more like each other than like other tracks), and the
 * exact ranking of tracks by their best segment, the ground truth of a nested kNN search.
 */
public final class SegmentVectors {

  private SegmentVectors() {}

  /** {@code count} segments around {@code track}, noise of length {@code spread}, seeded per track. */
  public static float[][] around(float[] track, int count, double spread, long seed) {
    Random random = new Random(seed);
    double sigma = spread / Math.sqrt(track.length);
    float[][] segments = new float[count][track.length];
    for (int s = 0; s < count; s++) {
      for (int d = 0; d < track.length; d++) {
        segments[s][d] = (float) (track[d] + random.nextGaussian() * sigma);
      }
      ClusteredVectors.unit(segments[s]);
    }
    return segments;
  }

  /** For each query, the {@code k} tracks whose best segment has the highest inner product with it. */
  public static int[][] topTracks(float[][][] segments, float[][] queries, int k) {
    return IntStream.range(0, queries.length).parallel().mapToObj(q -> {
      Integer[] order = IntStream.range(0, segments.length).boxed().toArray(Integer[]::new);
      float[] best = new float[segments.length];
      for (int t = 0; t < segments.length; t++) {
        best[t] = Float.NEGATIVE_INFINITY;
        for (float[] segment : segments[t]) {
          best[t] = Math.max(best[t], ExactKnn.dot(segment, queries[q]));
        }
      }
      Arrays.sort(order, (a, b) -> Float.compare(best[b], best[a]));
      return Arrays.stream(order, 0, Math.min(k, order.length)).mapToInt(Integer::intValue).toArray();
    }).toArray(int[][]::new);
  }
}
