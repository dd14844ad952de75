package org.soundalike.encode;

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
    float[] mean = mean(embeddings);
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
    return mean(tagProbabilities);
  }

  private static float[] mean(float[][] rows) {
    if (rows.length == 0) {
      throw new IllegalStateException("no excerpt to average");
    }
    double[] sum = new double[rows[0].length];
    for (float[] row : rows) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += row[i];
      }
    }
    float[] mean = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      mean[i] = (float) (sum[i] / rows.length);
    }
    return mean;
  }
}
