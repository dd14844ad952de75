package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.search.EsTestServer;
import org.soundalike.search.RealElasticsearch;

/**
 * {@code embed} fills path/title/seconds, {@code index} stores them, and {@code search --like-file}
 * embeds an audio file with a trained run and finds its look-alikes in a real Elasticsearch.
 */
@ExtendWith(RealElasticsearch.class)
class SearchLikeFileTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static TinyTrainedRun tiny;
  static String esUrl;

  @BeforeAll
  static void indexTheTrainingSplit(EsTestServer server) throws Exception {
    esUrl = server.url().toString();
    tiny = TinyTrainedRun.create(dir);
    Path tracks = dir.resolve("tracks.jsonl");
    CliRun embedded = CliRun.of("embed", "--run", tiny.run().toString(), "--catalog", tiny.corpus().toString(), "--split", "train",
        "--out", tracks.toString());
    // The catalog's too-short track cannot be embedded: exit 1, the others are written.
    assertThat(embedded.err()).contains("train/short");
    CliRun indexed = CliRun.of("index", "--input", tracks.toString(), "--index", "likefile", "--run", "r1",
        "--dims", String.valueOf(TinyTrainedRun.DIMENSIONS), "--index-type", "hnsw", "--rescore-oversample", "0",
        "--es-url", esUrl);
    assertThat(indexed.code()).as(indexed.err()).isZero();
  }

  @Test
  void embedRecordsThePathTitleAndDurationOfEachTrack() throws Exception {
    List<EmbeddedTrack> tracks = EmbeddedTrackJsonl.read(dir.resolve("tracks.jsonl"));

    assertThat(tracks).hasSize(6);
    EmbeddedTrack t0 = tracks.stream().filter(t -> t.id().equals("train/t0")).findFirst().orElseThrow();
    assertThat(t0.path()).isEqualTo(tiny.audio("train/t0").toAbsolutePath().normalize().toString());
    assertThat(t0.title()).isEqualTo("t0");
    assertThat(t0.seconds()).isCloseTo(3.2, org.assertj.core.api.Assertions.within(0.001));
  }

  @Test
  void aFileFindsItselfFirstWithPathTitleAndDurationFromTheIndex() throws Exception {
    CliRun found = CliRun.of("search", "--index", "likefile", "--like-file", tiny.audio("train/t0").toString(),
        "--run", tiny.run().toString(), "--k", "3", "--es-url", esUrl);

    assertThat(found.code()).as(found.err()).isZero();
    List<JsonNode> hits = lines(found.out());
    assertThat(hits).hasSize(3);
    JsonNode first = hits.get(0);
    assertThat(first.get("id").asText()).isEqualTo("train/t0");
    assertThat(first.get("score").asDouble()).isGreaterThan(0.9999);
    assertThat(first.get("title").asText()).isEqualTo("t0");
    assertThat(first.get("path").asText()).endsWith("train/t0.wav");
    assertThat(first.get("duration_s").asDouble()).isCloseTo(3.2, org.assertj.core.api.Assertions.within(0.001));
    assertThat(hits.get(1).get("score").asDouble()).isLessThanOrEqualTo(first.get("score").asDouble());
    // "shared" compares a hit's human tags with the tags the model predicts for the file.
    assertThat(first.has("shared")).isTrue();
  }

  @Test
  void tagFiltersApplyToFileQueries() throws Exception {
    CliRun found = CliRun.of("search", "--index", "likefile", "--like-file", tiny.audio("test/t8").toString(),
        "--run", tiny.run().toString(), "--k", "10", "--tag", "low", "--tag-source", "human", "--es-url", esUrl);

    assertThat(found.code()).as(found.err()).isZero();
    List<JsonNode> hits = lines(found.out());
    assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.get("tags").toString()).contains("\"low\""));
    assertThat(hits).hasSize(3);
  }

  @Test
  void aFileThatIsNotAudioIsAnErrorNamingIt() throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.mp3"), "not audio at all\n".repeat(100));

    CliRun found = CliRun.of("search", "--index", "likefile", "--like-file", notes.toString(), "--run", tiny.run().toString(),
        "--es-url", esUrl);

    assertThat(found.code()).isEqualTo(2);
    assertThat(found.out()).isEmpty();
    assertThat(found.err()).contains(notes.toString()).contains("cannot embed");
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("nowhere.wav");

    CliRun found = CliRun.of("search", "--index", "likefile", "--like-file", missing.toString(), "--run", tiny.run().toString(),
        "--es-url", esUrl);

    assertThat(found.code()).isEqualTo(2);
    assertThat(found.err()).contains(missing.toString()).contains("no such file");
  }

  private static List<JsonNode> lines(String out) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.strip().split("\n")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }
}
