package org.soundalike.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the search package that need no server. */
class SearchPartsTest {

  @TempDir Path dir;

  @Test
  void vectorProblemsNameTheReason() {
    assertThat(Vectors.problem(new float[] {0.6f, 0.8f}, 2)).isNull();
    assertThat(Vectors.problem(new float[] {1f}, 2)).isEqualTo("embedding has 1 dimensions, the index expects 2");
    assertThat(Vectors.problem(new float[] {Float.NaN, 1f}, 2)).isEqualTo("embedding[0] is NaN (not a finite number)");
    assertThat(Vectors.problem(new float[] {0f, Float.POSITIVE_INFINITY}, 2)).contains("embedding[1] is Infinity");
    assertThat(Vectors.problem(new float[] {0f, 0f}, 2)).contains("zero vector");
  }

  @Test
  void theStoredVectorFormRoundTripsExactly() {
    float[] v = {0.1f, -0.25f, Float.MIN_VALUE, 0.999999f};
    assertThat(Vectors.fromBase64(Vectors.toBase64(v))).containsExactly(v);
  }

  @Test
  void versionedIndexNamesAreLowerCaseAndSafe() {
    assertThat(TrackIndices.versionedIndex("tracks", "2026-11-26 G/1%")).isEqualTo("tracks-2026-11-26-g-1");
    assertThatThrownBy(() -> TrackIndices.versionedIndex("tracks", "///")).hasMessageContaining("'///'");
  }

  @Test
  void theMappingStatesDimensionsSimilarityAndHnswParameters() {
    JsonNode vector = TrackIndexSchema.DEFAULT.withDimensions(128).indexBody(null).path("mappings").path("properties").path("embedding");
    assertThat(vector.path("dims").asInt()).isEqualTo(128);
    assertThat(vector.path("similarity").asText()).isEqualTo("dot_product");
    assertThat(vector.path("index_options").path("type").asText()).isEqualTo("int8_hnsw");
    assertThat(vector.path("index_options").path("rescore_vector").path("oversample").asDouble()).isEqualTo(3.0);
    assertThat(vector.path("index_options").path("m").asInt()).isEqualTo(16);
    assertThat(vector.path("index_options").path("ef_construction").asInt()).isEqualTo(100);

    JsonNode hnsw = TrackIndexSchema.DEFAULT.withVectorOptions(VectorIndexOptions.of(VectorIndexType.HNSW, 0f))
        .indexBody(null).path("mappings").path("properties").path("embedding").path("index_options");
    assertThat(hnsw.path("type").asText()).isEqualTo("hnsw");
    assertThat(hnsw.has("rescore_vector")).isFalse();
    assertThatThrownBy(() -> VectorIndexOptions.of(VectorIndexType.HNSW, 3f)).hasMessageContaining("quantised");
  }

  @Test
  void predictedTagsAreThoseAtOrAboveTheThresholdBestFirst() {
    assertThat(TrackDocument.predictedTags(Map.of("rock", 0.7, "jazz", 0.5, "pop", 0.49, "folk", 0.9), 0.5))
        .containsExactly("folk", "rock", "jazz");
  }

  @Test
  void theSourceStreamsMalformedLinesAsProblemsInsteadOfStopping() throws IOException {
    Path file = Files.write(dir.resolve("t.jsonl"), List.of(
        "{\"id\":\"a\",\"tags\":[\"x\"],\"embedding\":[1.0],\"scores\":{}}", "", "{broken", "{\"id\": \"b\",\"embedding\":[]}"));

    try (TrackJsonlSource source = new TrackJsonlSource(file)) {
      TrackJsonlSource.Line a = source.next();
      TrackJsonlSource.Line broken = source.next();
      TrackJsonlSource.Line b = source.next();
      assertThat(source.hasNext()).isFalse();
      assertThat(a.track().id()).isEqualTo("a");
      assertThat(broken.number()).isEqualTo(3);
      assertThat(broken.problem()).startsWith("not valid JSON");
      assertThat(broken.idHint()).isNull();
      assertThat(b.number()).isEqualTo(4);
      assertThat(b.problem()).contains("'embedding' must be a non-empty array");
      assertThat(b.idHint()).isEqualTo("b");
    }
    assertThat(TrackJsonlSource.scan(file).lines()).isEqualTo(3);
    assertThat(TrackJsonlSource.scan(file).dimensions()).as("the first valid track's size").isEqualTo(1);
    Path brokenFirst = Files.write(dir.resolve("b.jsonl"), List.of("{broken",
        "{\"id\":\"c\",\"tags\":[],\"embedding\":[0.6,0.8],\"scores\":{}}"));
    assertThat(TrackJsonlSource.scan(brokenFirst).dimensions()).isEqualTo(2);
    assertThat(TrackJsonlSource.scan(file).sha256()).hasSize(64).isEqualTo(TrackJsonlSource.scan(file).sha256());
  }

  @Test
  void retriesBackOffExponentiallyUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(3));
    assertThat(List.of(policy.delayAfter(1), policy.delayAfter(2), policy.delayAfter(3), policy.delayAfter(4), policy.delayAfter(9)))
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void similarityQueriesRejectImpossibleOptions() {
    assertThatThrownBy(() -> SimilarityQuery.top(0)).hasMessageContaining("k must be");
    assertThatThrownBy(() -> SimilarityQuery.top(10).withMinScore(1.5)).hasMessageContaining("[-1, 1]");
    assertThatThrownBy(() -> SimilarityQuery.top(10).withNumCandidates(-1)).hasMessageContaining("num_candidates");
  }

  @Test
  void numCandidatesFollowTheQueryShapeAndTheIndexSizeUnlessGiven() {
    SimilarityQuery plain = SimilarityQuery.top(10);
    SimilarityQuery tagged = plain.withTags(List.of("rock"), List.of());
    LongSupplier small = () -> 100_000;
    LongSupplier large = () -> 1_000_000;
    LongSupplier notAsked = () -> {
      throw new AssertionError("the index size only matters to unfiltered automatic queries");
    };

    assertThat(plain.effectiveNumCandidates(small)).isEqualTo(SimilarityQuery.DEFAULT_NUM_CANDIDATES);
    assertThat(plain.effectiveNumCandidates(large)).isEqualTo(SimilarityQuery.LARGE_INDEX_NUM_CANDIDATES);
    assertThat(tagged.effectiveNumCandidates(notAsked)).isEqualTo(SimilarityQuery.DEFAULT_FILTERED_NUM_CANDIDATES);
    assertThat(plain.withTags(List.of(), List.of("rock")).effectiveNumCandidates(small))
        .as("excluding a tag leaves most tracks: the walk needs no fewer candidates")
        .isEqualTo(SimilarityQuery.DEFAULT_NUM_CANDIDATES);
    assertThat(plain.withNumCandidates(70).effectiveNumCandidates(notAsked)).isEqualTo(70);
    assertThat(SimilarityQuery.top(500).withTags(List.of("rock"), List.of()).effectiveNumCandidates(notAsked))
        .as("never fewer than k").isEqualTo(500);
  }

  @Test
  void credentialsNeverShowInTheConnectionsText() {
    try (EsConnection es = EsConnection.open(java.net.URI.create("http://127.0.0.1:1"),
        Map.of(EsConnection.USER_ENV, "curator", EsConnection.PASSWORD_ENV, "s3cret"))) {
      assertThat(es.toString()).isEqualTo("Elasticsearch at http://127.0.0.1:1").doesNotContain("s3cret");
    }
  }
}
