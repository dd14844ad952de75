package org.soundalike.pipeline.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.eval.report.RunResult;
import org.soundalike.eval.report.RunResultJson;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.pipeline.TinyCatalog;
import org.soundalike.pipeline.runner.RunnerDefaults;
import org.soundalike.pipeline.traingrid.TrainGridPlan;
import org.soundalike.train.TrainingRun;
import org.soundalike.train.TrainingSettings;
import org.soundalike.train.Variant;

/**
 * The evaluate pipeline on an embedded Flink over a grid-shaped results folder: two finished
 * supervised runs (two seeds), a pre-training, a run still training and the grid's shared folder.
 */
class EvaluateRunsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path catalogDir;
  static Path results;

  @BeforeAll
  static void trainRuns() throws Exception {
    catalogDir = TinyCatalog.create(dir.resolve("catalog"));
    Catalog catalog = Catalogs.open(catalogDir);
    results = dir.resolve("grid");
    Path runs = results.resolve(TrainGridPlan.RUNS);
    for (long seed = 0; seed < 2; seed++) {
      TrainingSettings settings = TrainingSettings.defaults(SampleCnnConfig.TINY, Variant.SUPERVISED_ONLY, null, 1, seed, null)
          .withEpochs(1).withBatch(TinyCatalog.BATCH, 0);
      new TrainingRun(catalog, runs.resolve("A-f100-s" + seed), settings, "test", System.err).run();
    }
    TrainingSettings pretrain = TrainingSettings.defaults(SampleCnnConfig.TINY, Variant.PRETRAIN, null, 1, 0, null)
        .withEpochs(1).withBatch(TinyCatalog.BATCH, 0);
    new TrainingRun(catalog, results.resolve("pretrain"), pretrain, "test", System.err).run();
    copy(runs.resolve("A-f100-s0"), results.resolve(TrainGridPlan.SHARED).resolve("r").resolve("ml"));
    Path unfinished = runs.resolve("A-f100-s9");
    copy(runs.resolve("A-f100-s1"), unfinished);
    ObjectNode runJson = (ObjectNode) JSON.readTree(unfinished.resolve("run.json").toFile());
    runJson.put("status", "training");
    JSON.writeValue(unfinished.resolve("run.json").toFile(), runJson);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static EvaluateRunOutcome outcome(EvaluatePipeline.Result result, String run) {
    Map<String, EvaluateRunOutcome> byRun = result.outcomes().stream()
        .collect(Collectors.toMap(o -> Path.of(o.run()).getFileName().toString(), o -> o));
    assertThat(byRun).containsOnlyKeys("A-f100-s0", "A-f100-s1");
    return byRun.get(run);
  }

  @Test
  void evaluatesEveryFinishedRunOnceThenWritesTheReport() throws Exception {
    EvaluatePipelineOptions options = RunnerDefaults.parse(new String[] {
        "--results=" + results, "--catalog=" + catalogDir, "--flinkMaster=[local]", "--parallelism=1"},
        EvaluatePipelineOptions.class);

    EvaluatePipeline.Result first = EvaluatePipeline.run(options);

    assertThat(first.summary().state()).isEqualTo(PipelineResult.State.DONE);
    assertThat(outcome(first, "A-f100-s0").status()).isEqualTo(EvaluateRunOutcome.EVALUATED);
    assertThat(outcome(first, "A-f100-s1").status()).isEqualTo(EvaluateRunOutcome.EVALUATED);
    assertThat(first.skipped()).hasSize(2).anySatisfy(s -> assertThat(s).contains("pretrain").contains("pre-training"))
        .anySatisfy(s -> assertThat(s).contains("A-f100-s9").contains("still training"));
    Path s0 = results.resolve("runs/A-f100-s0/results.json");
    RunResult evaluated = RunResultJson.read(s0);
    assertThat(evaluated.tracks()).isEqualTo(4);
    assertThat(evaluated.run().seed()).isZero();
    assertThat(results.resolve("shared/r/ml/results.json")).doesNotExist();
    var report = JSON.readTree(results.resolve("report.json").toFile());
    assertThat(report.get("runs").asInt()).isEqualTo(2);
    var rows = report.get("datasets").get("catalog").get("table").get("rows");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("name").asText()).isEqualTo("A");
    assertThat(rows.get(0).get("seeds").asInt()).isEqualTo(2);
    assertThat(first.report()).exists();

    // Rerun: nothing changed, nothing evaluated again; a run trained further is evaluated again,
    // on the catalog its run.json records when none is given.
    FileTime s0Written = Files.getLastModifiedTime(s0);
    Files.setLastModifiedTime(results.resolve("runs/A-f100-s1/checkpoint.bin"), FileTime.from(Instant.now().plusSeconds(60)));
    EvaluatePipeline.Result second = EvaluatePipeline.run(RunnerDefaults.parse(new String[] {
        "--results=" + results, "--flinkMaster=[local]", "--parallelism=1"}, EvaluatePipelineOptions.class));

    assertThat(outcome(second, "A-f100-s0").status()).isEqualTo(EvaluateRunOutcome.CURRENT);
    assertThat(outcome(second, "A-f100-s0").recallAt1()).isEqualTo(evaluated.metric("R@1"));
    assertThat(outcome(second, "A-f100-s1").status()).isEqualTo(EvaluateRunOutcome.EVALUATED);
    assertThat(Files.getLastModifiedTime(s0)).isEqualTo(s0Written);
    assertThat(second.summary().counter(EvaluateRuns.RUNS_CURRENT)).isEqualTo(1);
    assertThat(second.summary().counter(EvaluateRuns.RUNS_EVALUATED)).isEqualTo(1);
  }
}
