package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.GenericCatalog;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.TagSet;
import org.soundalike.dataset.Track;

class CatalogCommandTest {

  @TempDir Path dir;

  private String out = "";
  private String err = "";

  private int run(String... args) {
    CliRun run = CliRun.of(args);
    out = run.out();
    err = run.err();
    return run.code();
  }

  @Test
  void printsAJsonSummary() throws IOException {
    Files.writeString(dir.resolve("a.ogg"), "present");
    GenericCatalog.write(dir, List.of(
        new Track("a", dir.resolve("a.ogg"), Split.TRAIN, TagSet.of(List.of("rock"))),
        new Track("b", dir.resolve("b.ogg"), Split.TEST, TagSet.of(List.of("rock", "pop")))));

    int code = run("catalog", dir.toString(), "--missing-shown", "1");

    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out);
    assertThat(json.get("format").asText()).isEqualTo("generic");
    assertThat(json.get("tracks").get("train").asInt()).isEqualTo(1);
    assertThat(json.get("tracks").get("test").asInt()).isEqualTo(1);
    assertThat(json.get("vocabularySize").asInt()).isEqualTo(2);
    assertThat(json.get("tagFrequencies").get("rock").get("total").asInt()).isEqualTo(2);
    assertThat(json.get("missingAudio").get("count").asInt()).isEqualTo(1);
    assertThat(json.get("missingAudio").get("first").get(0).asText()).startsWith("b: ");
    assertThat(json.get("fingerprint").asText()).matches("[0-9a-f]{64}");
  }

  @Test
  void countsTheLabelledPositivesPerFractionInJsonAndMarkdown() throws IOException {
    List<Track> tracks = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Files.writeString(dir.resolve("t" + i + ".ogg"), "present");
      tracks.add(new Track("t" + i, dir.resolve("t" + i + ".ogg"), Split.TRAIN,
          TagSet.of(i == 0 ? List.of("rock", "pop") : List.of("rock"))));
    }
    GenericCatalog.write(dir, tracks);

    assertThat(run("catalog", dir.toString(), "--label-fractions", "0.1,1", "--label-seeds", "1,2")).isZero();
    JsonNode positives = new ObjectMapper().readTree(out).get("labelledPositives");
    assertThat(positives.get("labelledTracks").get("0.1").asInt()).isEqualTo(1);
    assertThat(positives.get("tags").get("rock").get("labelled").get("0.1").toString()).isEqualTo("[1,1]");
    assertThat(positives.get("tags").get("pop").get("labelled").get("1.0").toString()).isEqualTo("[1,1]");

    assertThat(run("catalog", dir.toString(), "--label-fractions", "0.1,1", "--markdown")).isZero();
    assertThat(out).contains("| rock | 10 | 0 | 1 | 10 |");

    assertThat(run("catalog", dir.toString(), "--label-fractions", "0,1")).isEqualTo(2);
    assertThat(err).contains("label fraction 0.0 is not in (0, 1]");
  }

  @Test
  void anUnrecognisedFolderIsAnErrorMessageNotAStackTrace() {
    int code = run("catalog", dir.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err).contains("no catalog found").doesNotContain("at org.soundalike");
    assertThat(out).isEmpty();
  }

  @Test
  void aRowThatLeadsOutOfTheAudioRootIsRefusedWithItsLine() throws IOException {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    Files.writeString(dir.resolve("private.wav"), "not for the catalog");
    Files.createSymbolicLink(catalog.resolve("link.wav"), dir.resolve("private.wav"));
    Files.writeString(catalog.resolve("tracks.csv"), "path,split,tags\nlink.wav,train,rock\n");

    int code = run("catalog", catalog.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err).contains("tracks.csv line 2").contains("symbolic link").doesNotContain("at org.soundalike");
    assertThat(out).isEmpty();
  }
}
