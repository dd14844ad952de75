package org.soundalike.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing listens on the port: every entry point says so and how to start the server. */
class ElasticsearchUnavailableTest {

  @Test
  void searchingWithoutAServerSaysHowToStartIt() throws IOException {
    URI nowhere = URI.create("http://127.0.0.1:" + EsTestServer.freePort());
    try (EsConnection es = EsConnection.open(nowhere, Map.of())) {
      assertThatThrownBy(() -> new TrackSearch(es, "tracks").moreLikeThis("t1", SimilarityQuery.top(10)))
          .isInstanceOf(SearchUnavailableException.class)
          .hasMessageContaining("not reachable at " + nowhere)
          .hasMessageContaining("infra/bin/soundalike es start");
    }
  }

  @Test
  void exportingWithoutAServerFailsBeforeReadingTheInput() throws IOException {
    URI nowhere = URI.create("http://127.0.0.1:" + EsTestServer.freePort());
    ExportRequest request = ExportRequest.of("tracks", "r", new Provenance("r", "", "", Instant.now()))
        .withRetry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10)));
    try (EsConnection es = EsConnection.open(nowhere, Map.of())) {
      assertThatThrownBy(() -> new TrackExporter(es).export(TrackSearchTest.lines(TestTracks.clustered(3, 8, 1)), request, n -> {}))
          .isInstanceOf(SearchUnavailableException.class)
          .hasMessageContaining("es start");
    }
  }
}
