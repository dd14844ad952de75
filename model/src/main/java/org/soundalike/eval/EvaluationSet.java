package org.soundalike.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.soundalike.dataset.EmbeddedTrack;

/**
 * The evaluated tracks in matrix form: ids, the tag vocabulary (sorted), the embeddings
 * ({@code tracks × D}), the human labels ({@code labels[track][tag]}) and the predicted tag
 * probabilities ({@code scores[track][tag]}). Built and validated by {@link #of(List)}.
 */
public record EvaluationSet(
    List<String> ids, List<String> tags, EmbeddingMatrix embeddings, boolean[][] labels, double[][] scores) {

  public EvaluationSet {
    ids = List.copyOf(ids);
    tags = List.copyOf(tags);
    if (embeddings.rows() != ids.size() || labels.length != ids.size() || scores.length != ids.size()) {
      throw new IllegalArgumentException("ids, embeddings, labels and scores must have one row per track");
    }
  }

  /**
   * Validates the tracks: at least one; unique ids; embeddings all of one length and none all
   * zeros; the tag vocabulary is the union of the {@code scores} keys, and every track must score
   * every vocabulary tag and carry only vocabulary tags (nothing is filled in or dropped silently).
   */
  public static EvaluationSet of(List<EmbeddedTrack> tracks) {
    if (tracks.isEmpty()) {
      throw new EvaluationException("no tracks to evaluate");
    }
    Set<String> seen = new HashSet<>();
    TreeSet<String> vocabulary = new TreeSet<>();
    EmbeddedTrack first = tracks.get(0);
    int dim = first.embedding().length;
    for (EmbeddedTrack track : tracks) {
      if (!seen.add(track.id())) {
        throw new EvaluationException("track " + track.id() + " appears more than once");
      }
      if (track.embedding().length != dim) {
        throw new EvaluationException("track " + track.id() + ": embedding has " + track.embedding().length
            + " dimensions, track " + first.id() + " has " + dim);
      }
      if (isZero(track.embedding())) {
        throw new EvaluationException("track " + track.id() + ": embedding is all zeros");
      }
      vocabulary.addAll(track.scores().keySet());
    }
    if (vocabulary.isEmpty()) {
      throw new EvaluationException("no track has scores: the tag vocabulary (the union of the 'scores' keys) is empty");
    }
    List<String> tags = new ArrayList<>(vocabulary);
    Map<String, Integer> column = new HashMap<>();
    for (int t = 0; t < tags.size(); t++) {
      column.put(tags.get(t), t);
    }
    int n = tracks.size();
    float[] values = new float[n * dim];
    boolean[][] labels = new boolean[n][tags.size()];
    double[][] scores = new double[n][tags.size()];
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      EmbeddedTrack track = tracks.get(i);
      ids.add(track.id());
      System.arraycopy(track.embedding(), 0, values, i * dim, dim);
      for (String tag : track.tags()) {
        Integer t = column.get(tag);
        if (t == null) {
          throw new EvaluationException("track " + track.id() + ": tag '" + tag
              + "' is not in the tag vocabulary (the union of the 'scores' keys)");
        }
        labels[i][t] = true;
      }
      for (int t = 0; t < tags.size(); t++) {
        Double score = track.scores().get(tags.get(t));
        if (score == null) {
          throw new EvaluationException("track " + track.id() + ": no score for tag '" + tags.get(t) + "'");
        }
        scores[i][t] = score;
      }
    }
    return new EvaluationSet(ids, tags, new EmbeddingMatrix(values, n, dim), labels, scores);
  }

  private static boolean isZero(float[] v) {
    for (float x : v) {
      if (x != 0f) {
        return false;
      }
    }
    return true;
  }

  public int size() {
    return ids.size();
  }

  /** Indices of the tracks with at least one tag: the retrieval queries and database. */
  public int[] tracksWithTags() {
    return IntStream.range(0, size())
        .filter(i -> hasAnyTag(labels[i]))
        .toArray();
  }

  private static boolean hasAnyTag(boolean[] row) {
    for (boolean b : row) {
      if (b) {
        return true;
      }
    }
    return false;
  }
}
