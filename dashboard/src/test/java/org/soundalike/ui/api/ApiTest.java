package org.soundalike.ui.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.AudioWriter;
import org.soundalike.search.EsConnection;
import org.soundalike.search.SimilarHit;
import org.soundalike.search.SimilarityQuery;
import org.soundalike.search.TrackSearch;
import org.soundalike.ui.DashboardConfig;
import org.soundalike.ui.DashboardServer;
import org.soundalike.ui.RunningDashboard;
import org.soundalike.ui.api.ApiClient.Answer;
import org.soundalike.ui.search.SearchFixture;
import org.soundalike.ui.search.TestElasticsearch;
import org.soundalike.ui.service.UploadPolicy;

/**
 * The JSON API over HTTP against the real dashboard and a real Elasticsearch holding the search
 * fixture's 36 tracks: answers, every error status, the size cap against a raw client that
 * ignores any browser limit (no upload file left behind), and the token guard on and off.
 */
class ApiTest {

  static final UploadPolicy UPLOADS = new UploadPolicy(256 * 1024, UploadPolicy.DEFAULT_MAX_SECONDS);
  static final String TOKEN = "test-token-7f3a";

  @TempDir static Path temp;
  static TestElasticsearch es;
  static RunningDashboard open;
  static RunningDashboard guarded;
  static RunningDashboard withoutElasticsearch;
  static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    es = TestElasticsearch.start();
    assertThat(SearchFixture.index(es.url()).indexed()).isEqualTo(SearchFixture.TRACKS);
    open = RunningDashboard.start(Optional.empty(), Optional.empty(), es.url(), UPLOADS);
    guarded = RunningDashboard.start(config("127.0.0.1", es.url(), Optional.of(TOKEN)));
    withoutElasticsearch = RunningDashboard.start(Optional.empty(), Optional.empty());
    api = new ApiClient(open.url(""), Optional.empty());
  }

  @AfterAll
  static void stop() throws Exception {
    open.close();
    guarded.close();
    withoutElasticsearch.close();
    es.close();
  }

  private static DashboardConfig config(String host, URI esUrl, Optional<String> token) throws IOException {
    return new DashboardConfig(host, RunningDashboard.freePort(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), esUrl, "tracks", UPLOADS, token);
  }

  private static List<String> ids(JsonNode hits) {
    return StreamSupport.stream(hits.spliterator(), false).map(h -> h.get("id").asText()).toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static void assertError(Answer answer, int status, String error) {
    assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
    assertThat(answer.json().get("error").asText()).isEqualTo(error);
    assertThat(answer.json().get("detail").asText()).isNotBlank().doesNotContain("\tat ");
    assertThat(answer.json().size()).isEqualTo(2);
  }

  @Test
  void similarAnswersTheHitsOfTheSearchCommand() throws Exception {
    Answer answer = api.get("/api/tracks/t00/similar?k=5");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode hits = answer.json().get("hits");
    assertThat(answer.json().get("tookMs").isIntegralNumber()).isTrue();
    try (EsConnection connection = EsConnection.open(es.url())) {
      List<SimilarHit> expected = new TrackSearch(connection, "tracks").moreLikeThis("t00", SimilarityQuery.top(5)).hits();
      assertThat(ids(hits)).containsExactlyElementsOf(expected.stream().map(SimilarHit::id).toList());
      assertThat(hits.get(0).get("score").asDouble()).isCloseTo(expected.get(0).score(), org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(ids(hits)).hasSize(5).doesNotContain("t00");
    for (JsonNode hit : hits) {
      assertThat(texts(hit.get("tags"))).contains("rock");
      assertThat(texts(hit.get("shared"))).contains("rock");
    }
  }

  @Test
  void tagFiltersKeepAndDropTaggedHits() throws Exception {
    JsonNode vocal = api.get("/api/tracks/t00/similar?k=3&tag=vocal").json().get("hits");
    JsonNode noVocal = api.get("/api/tracks/t00/similar?k=3&notTag=vocal").json().get("hits");

    assertThat(vocal).hasSize(3);
    vocal.forEach(h -> assertThat(texts(h.get("tags"))).contains("vocal"));
    assertThat(noVocal).hasSize(3);
    noVocal.forEach(h -> assertThat(texts(h.get("tags"))).doesNotContain("vocal"));
  }

  @Test
  void trackAnswersItsStoredTagsAndPredictions() throws Exception {
    Answer answer = api.get("/api/tracks/t01");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("id").asText()).isEqualTo("t01");
    assertThat(texts(answer.json().get("tags"))).containsExactlyElementsOf(SearchFixture.tags(1));
    assertThat(answer.json().get("predicted").get("jazz").asDouble()).isEqualTo(0.9);
  }

  @Test
  void badRequestsAnswerJsonErrorsWithTheirStatus() throws Exception {
    assertError(api.get("/api/tracks/nope"), 404, "unknown_track");
    assertError(api.get("/api/tracks/nope/similar"), 404, "unknown_track");
    assertError(api.get("/api/tracks/t00/similar?k=abc"), 400, "bad_parameter");
    assertError(api.get("/api/tracks/t00/similar?k=0"), 400, "bad_parameter");
    assertError(api.get("/api/tracks/t00/similar?tag="), 400, "bad_parameter");
    assertError(api.get("/api/nothing-here"), 404, "not_found");
  }

  @Test
  void uploadsThatAreNotUsableAudioAreRefusedWithTheirStatus() throws Exception {
    Path shortWav = temp.resolve("short.wav");
    AudioWriter.write(shortWav, AudioSpec.SAMPLE_RATE, new float[AudioSpec.SAMPLE_RATE]);
    Path longWav = temp.resolve("long.wav");
    AudioWriter.write(longWav, AudioSpec.SAMPLE_RATE, new float[AudioSpec.SAMPLE_RATE * 4]);

    assertError(api.upload("/api/search", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8)), 415, "not_audio");
    assertError(api.upload("/api/search", "fake.mp3", new byte[4096]), 422, "undecodable");
    assertError(api.upload("/api/search", "short.wav", Files.readAllBytes(shortWav)), 422, "too_short");
    assertError(api.upload("/api/search", "long.wav", Files.readAllBytes(longWav), "k", "zero"), 400, "bad_parameter");
    // Decoded, but this dashboard has no --run model to embed it.
    assertError(api.upload("/api/search", "long.wav", Files.readAllBytes(longWav)), 503, "model_unavailable");
    assertThat(uploadsLeft(open)).isEmpty();
  }

  @Test
  void aDeclaredBodyOverTheCapIsRefusedBeforeItIsSent() throws Exception {
    String response = raw(open, "POST /api/search HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + 50L * 1024 * 1024
        + "\r\nConnection: close\r\n\r\n", 0);

    assertThat(response).startsWith("HTTP/1.1 413").contains("\"too_large\"");
    assertThat(uploadsLeft(open)).isEmpty();
  }

  @Test
  void aChunkedBodyOverTheCapIsCutOffAndLeavesNoFile() throws Exception {
    String head = "POST /api/search HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    String part = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mp3\"\r\n\r\n";
    String response = raw(open, head + Integer.toHexString(part.length()) + "\r\n" + part + "\r\n",
        4 * UPLOADS.maxBytes());

    assertThat(response).startsWith("HTTP/1.1 413").contains("\"too_large\"");
    assertThat(uploadsLeft(open)).isEmpty();
  }

  @Test
  void elasticsearchDownIsA503WithRetryAfter() throws Exception {
    Answer answer = new ApiClient(withoutElasticsearch.url(""), Optional.empty()).get("/api/tracks/t00/similar");

    assertError(answer, 503, "elasticsearch_unavailable");
    assertThat(answer.raw().headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void healthSaysWhetherElasticsearchAndTheModelAreReady() throws Exception {
    JsonNode up = api.get("/health").json();
    Answer down = new ApiClient(withoutElasticsearch.url(""), Optional.empty()).get("/health");

    assertThat(up.get("elasticsearch").get("ready").asBoolean()).isTrue();
    assertThat(up.get("elasticsearch").get("tracks").asLong()).isEqualTo(SearchFixture.TRACKS);
    assertThat(up.get("model").get("ready").asBoolean()).isFalse();
    assertThat(down.status()).isEqualTo(200);
    assertThat(down.json().get("elasticsearch").get("ready").asBoolean()).isFalse();
    assertThat(down.json().get("ready").asBoolean()).isFalse();
  }

  @Test
  void theOpenApiDocumentDocumentsEveryServedRoute() throws Exception {
    JsonNode doc = api.get("/api/openapi.json").json();

    assertThat(doc.get("openapi").asText()).startsWith("3.");
    List<String> documented = new ArrayList<>();
    doc.get("paths").fieldNames().forEachRemaining(documented::add);
    List<String> served = new ArrayList<>(ApiServlet.ROUTES);
    served.add(HealthServlet.PATH);
    assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    for (String path : documented) {
      if (doc.get("paths").get(path).has("get")) {
        assertThat(api.get(path.replace("{id}", "t00")).status()).as(path).isEqualTo(200);
      }
    }
  }

  @Test
  void withATokenTheApiNeedsBearerAndThePagesBasicAuth() throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString(("curator:" + TOKEN).getBytes(StandardCharsets.UTF_8));
    ApiClient anonymous = new ApiClient(guarded.url(""), Optional.empty());

    assertError(anonymous.get("/api/tracks/t00"), 401, "unauthorized");
    assertError(new ApiClient(guarded.url(""), Optional.of("Bearer wrong")).get("/api/tracks/t00"), 401,
        "unauthorized");
    assertThat(new ApiClient(guarded.url(""), Optional.of("Bearer " + TOKEN)).get("/api/tracks/t00").status())
        .isEqualTo(200);
    Answer page = anonymous.get("/search");
    assertThat(page.status()).isEqualTo(401);
    assertThat(page.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(new ApiClient(guarded.url(""), Optional.of(basic)).get("/search").status()).isEqualTo(200);
    assertThat(anonymous.get("/health").status()).isEqualTo(200);
    // Without a token the same routes are open (on loopback only).
    assertThat(api.get("/api/tracks/t00").status()).isEqualTo(200);
  }

  @Test
  void anAddressOtherThanLoopbackNeedsAToken() {
    assertThatThrownBy(() -> DashboardServer.start(config("0.0.0.0", es.url(), Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOUNDALIKE_API_TOKEN");
  }

  private static List<Path> uploadsLeft(RunningDashboard dashboard) throws IOException {
    try (Stream<Path> files = Files.list(dashboard.uploadFolder())) {
      return files.toList();
    }
  }

  /**
   * Sends {@code head} and then up to {@code zeros} zero bytes as chunks, as a client that ignores
   * every limit would, stopping when the server closes; returns what the server answered.
   */
  private static String raw(RunningDashboard dashboard, String head, long zeros) throws IOException {
    URI url = URI.create(dashboard.url(""));
    try (Socket socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[16 * 1024];
      byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      try {
        for (long sent = 0; sent < zeros; sent += chunk.length) {
          out.write(chunkHead);
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      } catch (IOException closedByServer) {
        // The server stopped reading at its limit and closed: its answer is already waiting.
      }
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
