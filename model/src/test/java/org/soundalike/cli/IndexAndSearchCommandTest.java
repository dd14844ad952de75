package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.search.EsTestServer;
import org.soundalike.search.RealElasticsearch;
import org.soundalike.search.TestTracks;
import picocli.CommandLine;

@ExtendWith(RealElasticsearch.class)
class IndexAndSearchCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {
    List<JsonNode> jsonLines() throws IOException {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
      return lines;
    }
  }

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = new CommandLine(new SoundAlike()).execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void indexThenSearchPrintsOneJsonLinePerHit(EsTestServer server) throws IOException {
    String url = server.url().toString();
    Path input = TestTracks.writeJsonl(dir, "tracks.jsonl", TestTracks.clustered(60, 512, 21));

    Run index = run("index", "--input", input.toString(), "--index", "cli-test", "--run", "one", "--es-url", url);

    assertThat(index.exitCode()).as(index.err()).isZero();
    JsonNode summary = index.jsonLines().get(0);
    assertThat(summary.path("index").asText()).isEqualTo("cli-test-one");
    assertThat(summary.path("indexed").asLong()).isEqualTo(60);
    assertThat(summary.path("alias_switched").asBoolean()).isTrue();
    assertThat(index.err()).contains("index cli-test-one: 60/60 tracks");

    Run search = run("search", "--index", "cli-test", "--like-id", "t000", "--k", "5", "--tag", "rock", "--not-tag", "vocal", "--es-url", url);

    assertThat(search.exitCode()).as(search.err()).isZero();
    List<JsonNode> hits = search.jsonLines();
    assertThat(hits).hasSize(5);
    for (JsonNode hit : hits) {
      assertThat(hit.path("id").asText()).isNotEqualTo("t000");
      assertThat(hit.path("score").isNumber()).isTrue();
      assertThat(hit.path("tags").toString()).contains("rock").doesNotContain("vocal");
      assertThat(hit.path("shared").toString()).isEqualTo("[\"rock\"]");
      assertThat(hit.path("predicted").path("rock").asDouble()).isEqualTo(0.9);
      assertThat(hit.path("shared_predicted").toString()).isEqualTo("[\"rock\"]");
    }

    Run unknown = run("search", "--index", "cli-test", "--like-id", "nope", "--es-url", url);
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("track 'nope' is not in index 'cli-test'");

    Run listed = run("indices", "--index", "cli-test", "--es-url", url);
    assertThat(listed.jsonLines()).singleElement().satisfies(line -> {
      assertThat(line.path("name").asText()).isEqualTo("cli-test-one");
      assertThat(line.path("aliased").asBoolean()).isTrue();
      assertThat(line.path("meta").path("run_id").asText()).isEqualTo("one");
    });
  }

  @Test
  void rejectedTracksGoToTheReportAndKeepTheAlias(EsTestServer server) throws IOException {
    String url = server.url().toString();
    Path input = TestTracks.writeJsonl(dir, "tracks.jsonl", TestTracks.clustered(10, 512, 22),
        "{\"id\":\"short\",\"tags\":[],\"embedding\":[1.0],\"scores\":{}}");

    Run index = run("index", "--input", input.toString(), "--index", "cli-reject", "--es-url", url);

    assertThat(index.exitCode()).isEqualTo(1);
    assertThat(index.err()).contains("1 tracks rejected").contains("--max-rejects");
    Path report = dir.resolve("tracks.jsonl.rejects.jsonl");
    assertThat(Files.readAllLines(report)).singleElement().satisfies(line -> {
      JsonNode reject = JSON.readTree(line);
      assertThat(reject.path("line").asLong()).isEqualTo(11);
      assertThat(reject.path("id").asText()).isEqualTo("short");
      assertThat(reject.path("reason").asText()).isEqualTo("embedding has 1 dimensions, the index expects 512");
    });
    assertThat(index.jsonLines().get(0).path("index").asText()).matches("cli-reject-[0-9a-f]{12}");

    Run again = run("index", "--input", input.toString(), "--index", "cli-reject", "--max-rejects", "1", "--es-url", url);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.jsonLines().get(0).path("index").asText()).isEqualTo(index.jsonLines().get(0).path("index").asText());
  }

  @Test
  void withoutAServerTheCommandSaysHowToStartOne() throws IOException {
    Run search = run("search", "--like-id", "t1", "--es-url", "http://127.0.0.1:" + EsTestServer.freePort());

    assertThat(search.exitCode()).isEqualTo(2);
    assertThat(search.err()).contains("Elasticsearch is not reachable").contains("infra/bin/soundalike es start");
  }
}
