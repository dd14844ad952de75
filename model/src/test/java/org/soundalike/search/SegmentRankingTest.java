package org.soundalike.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soundalike.dataset.TrackSegment;

/** A track's score is the mean over the query's segments of its best segment; at comes from the best pair. */
class SegmentRankingTest {

  private static final List<TrackSegment> QUERY = List.of(new TrackSegment(0, new float[] {1}), new TrackSegment(5, new float[] {1}));

  private static SimilarHit hit(String id) {
    return new SimilarHit(id, 0, List.of(), List.of(), List.of(), List.of(), null, null, null);
  }

  @Test
  void scoreIsTheMeanOfTheBestSegmentPerQuerySegment() {
    SegmentRanking ranking = new SegmentRanking(QUERY);
    ranking.add(0, hit("a"), 0.9, 30);
    ranking.add(1, hit("a"), 0.7, 35);
    ranking.add(0, hit("b"), 0.95, 10);
    ranking.add(1, hit("b"), 0.5, 80);

    List<SimilarHit> top = ranking.top(2);

    assertThat(top).extracting(SimilarHit::id).containsExactly("a", "b");
    assertThat(top.get(0).score()).isCloseTo(0.8, within(1e-12));
    assertThat(top.get(1).score()).isCloseTo(0.725, within(1e-12));
  }

  @Test
  void atIsWhereTheQueryStartsAccordingToTheBestPair() {
    SegmentRanking ranking = new SegmentRanking(QUERY);
    ranking.add(0, hit("a"), 0.6, 30);
    ranking.add(1, hit("a"), 0.9, 42);

    SimilarHit a = ranking.top(1).get(0);

    // The best pair is query segment 1 (at 5 s) on the track segment at 42 s: the query starts at 37 s.
    assertThat(a.at()).isEqualTo(37.0);
    assertThat(a.segmentScore()).isEqualTo(0.9);
  }

  @Test
  void aTrackMissingFromOneQuerySegmentsListGetsThatListsLowestSimilarity() {
    SegmentRanking ranking = new SegmentRanking(QUERY);
    ranking.add(0, hit("a"), 0.9, 0);
    ranking.add(0, hit("b"), 0.8, 0);
    ranking.add(1, hit("b"), 0.6, 0);
    ranking.add(1, hit("c"), 0.4, 0);

    List<SimilarHit> top = ranking.top(3);

    // a: (0.9 + 0.4) / 2; b: (0.8 + 0.6) / 2; c: (0.8 + 0.4) / 2.
    assertThat(top).extracting(SimilarHit::id).containsExactly("b", "a", "c");
    assertThat(top.get(1).score()).isCloseTo(0.65, within(1e-12));
  }

  @Test
  void aLongQueryIsThinnedOutEvenlyKeepingBothEnds() {
    List<TrackSegment> many = java.util.stream.IntStream.range(0, 40)
        .mapToObj(i -> new TrackSegment(i, new float[] {1})).toList();

    List<TrackSegment> kept = SegmentRanking.querySegments(many);

    assertThat(kept).hasSize(SegmentRanking.MAX_QUERY_SEGMENTS);
    assertThat(kept.get(0).at()).isZero();
    assertThat(kept.get(kept.size() - 1).at()).isEqualTo(39.0);
  }
}
