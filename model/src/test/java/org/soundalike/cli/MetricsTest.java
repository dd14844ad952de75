package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code soundalike metrics --input tracks.jsonl}, end to end. */
class MetricsTest {

  @TempDir Path dir;

  private String out = "";
  private String err = "";

  private int run(String... args) {
    CliRun run = CliRun.of(args);
    out = run.out();
    err = run.err();
    return run.code();
  }

  private static final String[] LINES = {
    "{\"id\":\"t1\",\"tags\":[\"a\"],\"embedding\":[1,0],\"scores\":{\"a\":0.9,\"b\":0.2,\"c\":0.1}}",
    "{\"id\":\"t2\",\"tags\":[\"b\"],\"embedding\":[0,1],\"scores\":{\"a\":0.3,\"b\":0.8,\"c\":0.4}}",
    "{\"id\":\"t3\",\"tags\":[\"a\",\"b\"],\"embedding\":[0.6,0.8],\"scores\":{\"a\":0.6,\"b\":0.5,\"c\":0.3}}",
    "{\"id\":\"t4\",\"tags\":[],\"embedding\":[0.8,0.6],\"scores\":{\"a\":0.7,\"b\":0.1,\"c\":0.2}}",
  };

  @Test
  void printsTheTenMetricsAsOneJsonObject() throws Exception {
    Path input = dir.resolve("tracks.jsonl");
    Files.write(input, List.of(LINES));
    assertThat(run("metrics", "--input", input.toString())).as(err).isZero();
    assertThat(out.strip().lines()).hasSize(1);
    JsonNode json = new ObjectMapper().readTree(out);
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("tracks", "queries", "R@1", "R@2", "R@4", "R@8",
        "M@1", "M@4", "M@7", "M@10", "ROC-AUC", "PR-AUC", "excludedTags");
    assertThat(json.get("tracks").asInt()).isEqualTo(4);
    assertThat(json.get("queries").asInt()).isEqualTo(3);
    // Queries t1 {a}, t2 {b}, t3 {a, b} (t4 has no tag). Similarities: t1·t2 = 0, t1·t3 = 0.6,
    // t2·t3 = 0.8. t1 -> t3, t2; t2 -> t3, t1; t3 -> t2, t1.
    // R@1: t1 finds a (t3) 1; t2 finds b (t3) 1; t3 gets {b} from t2: 1/2 -> 5/6 = 83.33.
    // R@2: t3 gets {b} ∪ {a}: 1 -> 100.
    assertThat(json.get("R@1").asDouble()).isCloseTo(500.0 / 6, within(1e-9));
    assertThat(json.get("R@2").asDouble()).isCloseTo(100, within(1e-9));
    // M@1: tag a: t1 hit (t3), t3 miss (t2) -> 1/2; tag b: t2 hit (t3), t3 hit (t2) -> 1; tag c: no
    // query. Mean over a and b: 3/4 = 75.
    assertThat(json.get("M@1").asDouble()).isCloseTo(75, within(1e-9));
    // M@4: tag a: t1 [t3 hit, t2] -> 1/4; t3 [t2, t1 hit at 2, P = 1/2] -> 1/8; mean 3/16.
    // tag b: t2 [t3 hit, t1] -> 1/4; t3 [t2 hit, t1] -> 1/4; mean 1/4. M@4 = (3/16 + 1/4) / 2 = 7/32.
    assertThat(json.get("M@4").asDouble()).isCloseTo(700.0 / 32, within(1e-9));
    // AUCs as in MacroAucTest (same scores): 87.5 and 91.67; c has no positive.
    assertThat(json.get("ROC-AUC").asDouble()).isCloseTo(87.5, within(1e-9));
    assertThat(json.get("PR-AUC").asDouble()).isCloseTo(1100.0 / 12, within(1e-9));
    assertThat(json.get("excludedTags")).hasSize(1);
    assertThat(json.get("excludedTags").get(0).asText()).isEqualTo("c");
  }

  @Test
  void aMalformedLineIsAnErrorNamingItsNumber() throws Exception {
    Path input = dir.resolve("bad.jsonl");
    Files.write(input, List.of(LINES[0], LINES[1], "{\"id\":\"t3\",\"embedding\":[1,", LINES[3]));
    assertThat(run("metrics", "--input", input.toString())).isEqualTo(1);
    assertThat(err).contains("line 3");
    assertThat(out).isEmpty();
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("missing.jsonl");
    assertThat(run("metrics", "--input", missing.toString())).isEqualTo(1);
    assertThat(err).contains("cannot read " + missing);
  }

  @Test
  void embeddingsOfDifferentLengthsAreAnError() throws Exception {
    Path input = dir.resolve("dims.jsonl");
    Files.write(input, List.of(LINES[0], "{\"id\":\"t9\",\"tags\":[],\"embedding\":[1,0,0],\"scores\":{\"a\":0.5}}"));
    assertThat(run("metrics", "--input", input.toString())).isEqualTo(1);
    assertThat(err).contains("track t9: embedding has 3 dimensions, track t1 has 2");
  }
}
