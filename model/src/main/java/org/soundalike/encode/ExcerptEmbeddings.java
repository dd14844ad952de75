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
}
