package org.soundalike.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.soundalike.dataset.EmbeddedTrack;

/** Elasticsearch dies in the middle of an export; the rerun completes the same index. */
@ExtendWith(RealElasticsearch.class)
class InterruptedExportTest {

  private static final String ALIAS = "crash-test";

  @Test
  void aKilledServerLeavesTheAliasOnTheCompleteIndexAndTheRerunFinishesWithoutDuplicates(EsTestServer server) {
    URI url = server.url();
    List<EmbeddedTrack> first = TestTracks.clustered(50, 512, 11);
    List<EmbeddedTrack> second = TestTracks.clustered(400, 512, 12);
    RetryPolicy quickGiveUp = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(200));
    try (EsConnection es = EsConnection.open(url, Map.of())) {
      TrackIndices indices = new TrackIndices(es);
      new TrackExporter(es).export(TrackSearchTest.lines(first), request("a", quickGiveUp), n -> {});
      assertThat(indices.aliasTargets(ALIAS)).containsExactly("crash-test-a");

      List<List<String>> aliasDuringExport = new ArrayList<>();
      assertThatThrownBy(() -> new TrackExporter(es).export(TrackSearchTest.lines(second), request("b", quickGiveUp), sent -> {
        aliasDuringExport.add(indices.aliasTargets(ALIAS));
        if (sent == 100) {
          server.kill();
        }
      })).isInstanceOf(SearchUnavailableException.class);
      assertThat(aliasDuringExport).hasSize(2).allSatisfy(targets -> assertThat(targets).containsExactly("crash-test-a"));
    }

    server.restart();

    try (EsConnection es = EsConnection.open(url, Map.of())) {
      TrackIndices indices = new TrackIndices(es);
      assertThat(indices.aliasTargets(ALIAS)).containsExactly("crash-test-a");
      assertThat(indices.count(ALIAS)).isEqualTo(50);
      assertThat(indices.count("crash-test-b")).isLessThan(400);

      ExportReport rerun = new TrackExporter(es).export(TrackSearchTest.lines(second), request("b", RetryPolicy.DEFAULT), n -> {});

      assertThat(rerun.indexed()).isEqualTo(400);
      assertThat(rerun.aliasSwitched()).isTrue();
      assertThat(indices.aliasTargets(ALIAS)).containsExactly("crash-test-b");
      assertThat(indices.count(ALIAS)).isEqualTo(400);
      SearchResults hits = new TrackSearch(es, ALIAS).moreLikeThis("t007", SimilarityQuery.top(50));
      assertThat(hits.hits()).extracting(SimilarHit::id).doesNotHaveDuplicates();
      indices.delete("crash-test-a");
      indices.delete("crash-test-b");
    }
  }

  private static ExportRequest request(String run, RetryPolicy retry) {
    return ExportRequest.of(ALIAS, run, new Provenance(run, "", "", Instant.now())).withBatchSize(50).withRetry(retry);
  }
}
