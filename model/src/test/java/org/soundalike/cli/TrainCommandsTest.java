package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.eval.report.RunResult;
import org.soundalike.eval.report.RunResultJson;
import org.soundalike.run.RunProvenance;
import org.soundalike.train.Checkpoint;
import org.soundalike.train.TinyCorpus;
import org.soundalike.run.RunFolder;

/** The training commands end to end on a tiny network: train, embed a split, evaluate; and a killed run resumed. */
class TrainCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path corpus;

  @BeforeAll
  static void corpus() throws Exception {
    corpus = TinyCorpus.create(dir.resolve("corpus"));
  }

  private static String[] trainArgs(Path out, int epochs) {
    return new String[] {"train", "--catalog", corpus.toString(), "--variant", "A", "--label-fraction", "0.5",
        "--config", "tiny", "--batch", String.valueOf(TinyCorpus.BATCH), "--epochs", String.valueOf(epochs),
        "--seed", "3", "--out", out.toString()};
  }

  @Test
  void aTrainedRunEmbedsATestSplitThatEvaluateReads() throws Exception {
    Path run = dir.resolve("run");
    CliRun trained = CliRun.of(trainArgs(run, 1));
    assertThat(trained.code()).as(trained.err()).isZero();
    assertThat(trained.out()).contains("finished after 1 epochs");

    Path tracks = dir.resolve("tracks.jsonl");
    CliRun embedded = CliRun.of("embed", "--run", run.toString(), "--catalog", corpus.toString(), "--split", "test",
        "--out", tracks.toString());
    assertThat(embedded.code()).as(embedded.err()).isZero();
    assertThat(EmbeddedTrackJsonl.read(tracks)).hasSize(2).allSatisfy(t -> {
      assertThat(t.tags()).isNotEmpty();
      assertThat(t.scores()).containsOnlyKeys("high", "low", "noisy");
    });

    Path results = dir.resolve("results.json");
    CliRun evaluated = CliRun.of("evaluate", "--embeddings", tracks.toString(), "--run-info",
        run.resolve(RunFolder.RUN_JSON).toString(), "--out", results.toString());
    assertThat(evaluated.code()).as(evaluated.err()).isZero();
    RunResult fromEmbeddings = RunResultJson.read(results);
    assertThat(fromEmbeddings.run().variant()).isEqualTo("A");

    // The model-backed form embeds the split itself and must reach the same numbers.
    CliRun direct = CliRun.of("evaluate", "--run", run.toString(), "--catalog", corpus.toString());
    assertThat(direct.code()).as(direct.err()).isZero();
    RunResult fromRun = RunResultJson.read(run.resolve("results.json"));
    assertThat(fromRun.metrics()).isEqualTo(fromEmbeddings.metrics());
    assertThat(fromRun.intervals()).isEqualTo(fromEmbeddings.intervals());
    assertThat(fromRun.tsne()).isEqualTo(fromEmbeddings.tsne());
    assertThat(fromRun.run().runId()).isEqualTo("run");
    assertThat(fromRun.run().extra()).doesNotContainKey("unevaluatedTracks");

    // A test track shorter than one excerpt is left out, and said so in the provenance.
    Path withShort = dir.resolve("corpus-short-test");
    copyTree(corpus, withShort);
    Files.copy(withShort.resolve(TinyCorpus.TOO_SHORT + ".wav"), withShort.resolve("test/short.wav"));
    Files.writeString(withShort.resolve("tracks.csv"), "test/short.wav,test,low\n", StandardOpenOption.APPEND);
    Path shortResults = dir.resolve("short-results.json");
    CliRun skipping = CliRun.of("evaluate", "--run", run.toString(), "--catalog", withShort.toString(),
        "--out", shortResults.toString());
    assertThat(skipping.code()).as(skipping.err()).isZero();
    RunResult skipped = RunResultJson.read(shortResults);
    assertThat(skipped.tracks()).isEqualTo(2);
    assertThat(skipped.run().extra().get("unevaluatedTracks").get("test/short").asText()).contains("short");
    assertThat(skipped.metrics()).isEqualTo(fromEmbeddings.metrics());

    // Without --catalog: the catalog the run was trained from, as its run.json records it.
    Path ownResults = dir.resolve("own-results.json");
    CliRun own = CliRun.of("evaluate", "--run", run.toString(), "--out", ownResults.toString());
    assertThat(own.code()).as(own.err()).isZero();
    assertThat(RunResultJson.read(ownResults).metrics()).isEqualTo(fromEmbeddings.metrics());

    // A recorded folder that now holds another catalog is refused, not evaluated silently.
    Path moved = dir.resolve("run-elsewhere");
    copyTree(run, moved);
    ObjectNode provenance = (ObjectNode) JSON.readTree(moved.resolve(RunFolder.RUN_JSON).toFile());
    provenance.put(RunProvenance.CATALOG_FOLDER, withShort.toString());
    JSON.writeValue(moved.resolve(RunFolder.RUN_JSON).toFile(), provenance);
    CliRun changed = CliRun.of("evaluate", "--run", moved.toString(), "--out", dir.resolve("changed.json").toString());
    assertThat(changed.code()).isNotZero();
    assertThat(changed.err()).contains("has changed since run").contains("give --catalog DIR");

    Path good = corpus.resolve("test/t8.wav");
    Path bad = corpus.resolve(TinyCorpus.TOO_SHORT + ".wav");
    CliRun files = CliRun.of("embed", "--run", run.toString(), good.toString(), bad.toString());
    assertThat(files.code()).isEqualTo(1);
    String[] lines = files.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines[0]);
    JsonNode second = JSON.readTree(lines[1]);
    assertThat(first.get("id").asText()).isEqualTo(good.toString());
    assertThat(first.get("embedding")).hasSize(4);
    assertThat(first.get("scores").has("noisy")).isTrue();
    assertThat(second.get("id").asText()).isEqualTo(bad.toString());
    assertThat(second.get("error").asText()).contains("short");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  @Test
  void aRunKilledAfterAnEpochResumesWhenTheSameCommandRunsAgain() throws Exception {
    Path run = dir.resolve("killed");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", System.getProperty("java.class.path"), SoundAlike.class.getName()));
    command.addAll(List.of(trainArgs(run, 3)));
    Process child = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
    Path checkpoint = run.resolve(RunFolder.CHECKPOINT);
    try {
      while (!Files.exists(checkpoint) && child.isAlive()) {
        Thread.sleep(20);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(checkpoint).as(Files.readString(dir.resolve("child.log"))).exists();
    var killedAt = Checkpoint.read(checkpoint).state();
    assertThat(killedAt.epochs()).isBetween(1, 2);

    CliRun resumed = CliRun.of(trainArgs(run, 3));

    assertThat(resumed.code()).as(resumed.err()).isZero();
    var finished = Checkpoint.read(checkpoint).state();
    assertThat(finished.epochs()).isEqualTo(3);
    assertThat(finished.history().subList(0, killedAt.epochs())).isEqualTo(killedAt.history());
    assertThat(new File(run.toFile(), RunFolder.RUN_JSON)).exists();
  }
}
