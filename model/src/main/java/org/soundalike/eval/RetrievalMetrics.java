package org.soundalike.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The paper's retrieval protocol: every evaluated track with at least one tag is a query, the
 * database is the same set (tracks without tags are in neither), the query itself is excluded,
 * ranking by inner product, exact; then R@{1,2,4,8} and M@{1,4,7,10}.
 */
public final class RetrievalMetrics {

  private final ExactRetrieval retrieval;

  public RetrievalMetrics(ExactRetrieval retrieval) {
    this.retrieval = retrieval;
  }

  public RetrievalResult evaluate(EvaluationSet set) {
    return evaluate(set, done -> {});
  }

  public RetrievalResult evaluate(EvaluationSet set, LongConsumer queriesDone) {
    int[] queryTracks = set.tracksWithTags();
    if (queryTracks.length == 0) {
      throw new EvaluationException("no evaluated track has a tag: retrieval needs at least one query");
    }
    TagLabels labels = TagLabels.select(set.labels(), queryTracks, set.tags().size());
    int depth = Math.max(max(RecallAtK.PAPER_KS), max(MapAtK.PAPER_KS));
    Neighbours neighbours = retrieval.search(set.embeddings().select(queryTracks), depth, queriesDone);
    List<RecallAtK> recalls = new ArrayList<>();
    for (int k : RecallAtK.PAPER_KS) {
      recalls.add(RecallAtK.of(neighbours, labels, k));
    }
    List<MapAtK> maps = new ArrayList<>();
    for (int k : MapAtK.PAPER_KS) {
      maps.add(MapAtK.of(neighbours, labels, k));
    }
    return new RetrievalResult(queryTracks, neighbours, recalls, maps);
  }

  private static int max(int[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }
}
