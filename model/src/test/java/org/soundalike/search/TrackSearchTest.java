package org.soundalike.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.soundalike.dataset.EmbeddedTrack;

@ExtendWith(RealElasticsearch.class)
class TrackSearchTest {

  private static final int DIMS = 32;
  private static final String ALIAS = "search-test";
  private static final List<EmbeddedTrack> TRACKS = TestTracks.clustered(90, DIMS, 7);

  private static EsConnection es;
  private static TrackSearch search;

  @BeforeAll
  static void export(EsConnection connection) {
    es = connection;
    ExportRequest request = ExportRequest.of(ALIAS, "r1", new Provenance("r1", "test", "test", Instant.now()))
        .withSchema(TrackIndexSchema.DEFAULT.withDimensions(DIMS)).withBatchSize(25);
    ExportReport report = new TrackExporter(es).export(lines(TRACKS), request, sent -> {});
    assertThat(report.indexed()).isEqualTo(TRACKS.size());
    search = new TrackSearch(es, ALIAS);
  }

  @AfterAll
  static void cleanUp() {
    new TrackIndices(es).delete(TrackIndices.versionedIndex(ALIAS, "r1"));
  }

  static Iterator<TrackJsonlSource.Line> lines(List<EmbeddedTrack> tracks) {
    long[] n = {0};
    return tracks.stream().map(t -> new TrackJsonlSource.Line(++n[0], t, null)).iterator();
  }

  @Test
  void moreLikeThisReturnsTheExactNearestNeighboursWithoutTheTrackItself() {
    EmbeddedTrack query = TRACKS.get(4);

    SearchResults results = search.moreLikeThis(query.id(), SimilarityQuery.top(10));

    assertThat(results.hits()).extracting(SimilarHit::id)
        .containsExactlyElementsOf(TestTracks.exactTopK(TRACKS, query.embedding(), query.id(), 10))
        .doesNotContain(query.id());
    SimilarHit best = results.hits().get(0);
    EmbeddedTrack bestTrack = TRACKS.stream().filter(t -> t.id().equals(best.id())).findFirst().orElseThrow();
    assertThat(best.score()).isCloseTo(Vectors.dot(query.embedding(), bestTrack.embedding()), within(1e-4));
  }

  @Test
  void hitsExplainWhichTagsTheyShareWithTheQuery() {
    EmbeddedTrack query = TRACKS.get(0); // rock + vocal, predicted rock

    SearchResults results = search.moreLikeThis(query.id(), SimilarityQuery.top(5));

    for (SimilarHit hit : results.hits()) {
      assertThat(hit.tags()).contains("rock");
      assertThat(hit.sharedTags()).containsExactlyElementsOf(query.tags().stream().filter(hit.tags()::contains).toList());
      assertThat(hit.sharedPredictedTags()).containsExactly("rock");
      assertThat(hit.predicted().get(0)).isEqualTo(new TagScore("rock", 0.9));
    }
  }

  @Test
  void tagFiltersKeepOnlyTracksWithTheRequiredTagsAndNoneOfTheExcluded() {
    EmbeddedTrack query = TRACKS.get(0);

    SearchResults vocalOnly = search.moreLikeThis(query.id(),
        SimilarityQuery.top(10).withTags(List.of("vocal"), List.of()).withTagSource(TagSource.HUMAN));
    SearchResults noRock = search.moreLikeThis(query.id(), SimilarityQuery.top(10).withTags(List.of(), List.of("rock")));

    List<EmbeddedTrack> vocal = TRACKS.stream().filter(t -> t.tags().contains("vocal")).toList();
    assertThat(vocalOnly.hits()).extracting(SimilarHit::id)
        .containsExactlyElementsOf(TestTracks.exactTopK(vocal, query.embedding(), query.id(), 10));
    assertThat(noRock.hits()).hasSize(10).allSatisfy(h -> assertThat(h.tags()).doesNotContain("rock"));
  }

  @Test
  void predictedTagsCountForTagFiltersByDefault() {
    float[] jazzLike = TRACKS.get(1).embedding();

    SearchResults results = search.searchByVector(QueryTrack.ofVector(jazzLike),
        SimilarityQuery.top(5).withTags(List.of("techno"), List.of()).withTagSource(TagSource.PREDICTED));

    assertThat(results.hits()).hasSize(5).allSatisfy(h -> assertThat(h.predicted().get(0).tag()).isEqualTo("techno"));
  }

  @Test
  void minScoreDropsHitsLessSimilarThanTheThreshold() {
    EmbeddedTrack query = TRACKS.get(2);
    SearchResults all = search.moreLikeThis(query.id(), SimilarityQuery.top(60));
    double threshold = all.hits().get(20).score();

    SearchResults above = search.moreLikeThis(query.id(), SimilarityQuery.top(60).withMinScore(threshold));

    assertThat(above.hits()).isNotEmpty().hasSizeLessThan(all.hits().size())
        .allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(threshold - 1e-5));
    assertThat(all.hits().stream().filter(h -> h.score() >= threshold - 1e-5)).hasSameSizeAs(above.hits());
  }

  @Test
  void searchByVectorFindsTheStoredTrackFirst() {
    EmbeddedTrack stored = TRACKS.get(10);

    SearchResults results = search.searchByVector(QueryTrack.ofVector(stored.embedding()), SimilarityQuery.top(3));

    assertThat(results.hits().get(0).id()).isEqualTo(stored.id());
    assertThat(results.hits().get(0).score()).isCloseTo(1.0, within(1e-4));
  }

  @Test
  void theStoredTrackComesBackWithItsExactVector() {
    EmbeddedTrack stored = TRACKS.get(11);

    QueryTrack track = search.track(stored.id());

    assertThat(track.embedding()).containsExactly(stored.embedding());
    assertThat(track.tags()).containsExactlyElementsOf(stored.tags());
    assertThat(track.scores()).isEqualTo(stored.scores());
  }

  @Test
  void anUnknownIdIsAClearError() {
    assertThatThrownBy(() -> search.moreLikeThis("no-such-track", SimilarityQuery.top(10)))
        .isInstanceOf(UnknownTrackException.class)
        .hasMessageContaining("'no-such-track'")
        .hasMessageContaining(ALIAS);
  }

  @Test
  void aQueryFromAModelWithAnotherEmbeddingSizeIsAClearError() {
    QueryTrack fromAnotherModel = QueryTrack.ofVector(TestTracks.clustered(1, DIMS * 2, 3).get(0).embedding());

    assertThatThrownBy(() -> search.searchByVector(fromAnotherModel, SimilarityQuery.top(5)))
        .isInstanceOf(SearchException.class)
        .hasMessageContaining("has " + DIMS * 2 + " dimensions")
        .hasMessageContaining("holds " + DIMS + "-dimensional embeddings")
        .hasMessageContaining("another model");
  }

  @Test
  void anIndexThatDoesNotExistIsAClearError() {
    assertThatThrownBy(() -> new TrackSearch(es, "no-such-index").moreLikeThis("t001", SimilarityQuery.top(10)))
        .isInstanceOf(SearchException.class)
        .hasMessageContaining("index 'no-such-index' does not exist")
        .hasMessageContaining("soundalike index");
  }
}
