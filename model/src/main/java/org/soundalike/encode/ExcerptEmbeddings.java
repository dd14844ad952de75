package org.soundalike.encode;

import java.util.ArrayList;
import java.util.List;
import org.soundalike.dataset.TrackSegment;

/**
 * One row per excerpt, in input order.
 *
 * @param embeddings {@code [excerpts][D]}, unit rows
 * @param tagProbabilities {@code [excerpts][T]}
 */
public record ExcerptEmbeddings(float[][] embeddings, float[][] tagProbabilities) {

  public int size() {
    return embeddings.length;
  }

  /** METHOD.md's track embedding: L2normalize(mean over the excerpts of z). */
  public float[] trackEmbedding() {
    return normalisedMean(0, embeddings.length);
  }

  /** The track's segments: each the L2-normalised mean z of the excerpts its window covers. */
  public List<TrackSegment> segments(SegmentWindows windows) {
    List<TrackSegment> segments = new ArrayList<>();
    for (SegmentWindows.Range range : windows.ranges(embeddings.length)) {
      segments.add(new TrackSegment(range.at(), normalisedMean(range.from(), range.to())));
    }
    return segments;
  }

  private float[] normalisedMean(int from, int to) {
    float[] mean = mean(embeddings, from, to);
    double norm = 0;
    for (float v : mean) {
      norm += (double) v * v;
    }
    double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (int i = 0; i < mean.length; i++) {
      mean[i] *= (float) scale;
    }
    return mean;
  }

  /** METHOD.md's track tag probabilities: the mean over the excerpts of sigmoid(W z). */
  public float[] trackTagProbabilities() {
    return mean(tagProbabilities, 0, tagProbabilities.length);
  }

  private static float[] mean(float[][] rows, int from, int to) {
    if (to <= from) {
      throw new IllegalStateException("no excerpt to average");
    }
    double[] sum = new double[rows[from].length];
    for (int r = from; r < to; r++) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += rows[r][i];
      }
    }
    float[] mean = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      mean[i] = (float) (sum[i] / (to - from));
    }
    return mean;
  }
}
