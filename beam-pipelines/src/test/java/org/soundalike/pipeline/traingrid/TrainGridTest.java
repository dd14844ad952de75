package org.soundalike.pipeline.traingrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.PipelineResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.pipeline.TinyCatalog;
import org.soundalike.pipeline.runner.RunnerDefaults;
import org.soundalike.run.RunProvenance;
import org.soundalike.train.Checkpoint;
import org.soundalike.train.RatioEstimate;
import org.soundalike.train.TrainingRun;
import org.soundalike.train.TrainingState;
import org.soundalike.run.RunFolder;
import org.soundalike.run.RunProvenanceJson;

/**
 * The training grid on an embedded Flink with the tiny network: A and G at 100 % labels, one
 * seed. A was trained before (a finished run the grid must keep) and G was interrupted after its
 * first epoch (a checkpoint, not finished: the grid must resume it, not start over).
 */
class TrainGridTest {

  @TempDir static Path dir;
  static Path catalogDir;

  @BeforeAll
  static void catalog() throws Exception {
    catalogDir = TinyCatalog.create(dir.resolve("catalog"));
  }

  private static TrainGridOptions options(Path out, String variants) {
    return RunnerDefaults.parse(new String[] {
        "--catalog=" + catalogDir, "--out=" + out, "--variants=" + variants, "--fractions=100", "--seeds=1",
        "--config=tiny", "--maxEpochs=2", "--pretrainEpochs=1", "--lastEpochsForR=1", "--batch=" + TinyCatalog.BATCH,
        "--flinkMaster=[local]", "--parallelism=1"}, TrainGridOptions.class);
  }

  @Test
  void aRerunKeepsFinishedRunsResumesTheInterruptedOneAndSharesPretrainingAndR() throws Exception {
    Path out = dir.resolve("grid");
    Catalog catalog = Catalogs.open(catalogDir);
    TrainGridOptions options = options(out, "A,G");
    TrainGridPlan plan = TrainGridPipeline.plan(options);
    GridCell a = new GridCell("A", 100, 0);
    GridCell g = new GridCell("G", 100, 0);

    // Before the grid: A finished, G killed after epoch 1 of 2 (its checkpoint says "not finished").
    TrainGridShared shared = TrainGridShared.prepare(plan, List.of("A", "G"), catalog, System.err);
    assertThat(shared.r()).isPositive();
    assertThat(shared.pretrainedRun()).isEqualTo(plan.pretrainDir().toString());
    new TrainingRun(catalog, plan.runDir(a), plan.settings(a, shared), "test", System.err).run();
    new TrainingRun(catalog, plan.runDir(g), plan.settings(g, shared).withEpochs(1), "test", System.err).run();
    Path gCheckpoint = plan.runDir(g).resolve(RunFolder.CHECKPOINT);
    Checkpoint killed = Checkpoint.read(gCheckpoint);
    TrainingState s = killed.state();
    new Checkpoint(killed.settings(), new TrainingState(s.epochs(), s.learningRate(), s.bestValidation(), s.bestEpoch(),
        s.plateauEpochs(), s.adamSteps(), s.history(), null), killed.catalogFingerprint(), killed.tags(), killed.arrays())
        .write(gCheckpoint);
    Path aCheckpoint = plan.runDir(a).resolve(RunFolder.CHECKPOINT);
    FileTime aTrained = Files.getLastModifiedTime(aCheckpoint);
    FileTime pretrainTrained = Files.getLastModifiedTime(plan.pretrainDir().resolve(RunFolder.CHECKPOINT));
    RatioEstimate r = RatioEstimate.read(plan.ratioDir().resolve(RatioEstimate.FILE));

    TrainGridPipeline.Result result = TrainGridPipeline.run(options);

    assertThat(result.summary().state()).isEqualTo(PipelineResult.State.DONE);
    Map<String, TrainGridOutcome> byRun = result.outcomes().stream()
        .collect(Collectors.toMap(o -> Path.of(o.run()).getFileName().toString(), o -> o));
    assertThat(byRun).containsOnlyKeys("A-f100-s0", "G-f100-s0");
    assertThat(byRun.get("A-f100-s0").status()).isEqualTo(TrainGridOutcome.KEPT);
    assertThat(byRun.get("G-f100-s0").status()).isEqualTo(TrainGridOutcome.TRAINED);
    assertThat(result.summary().counter(TrainGrid.RUNS_KEPT)).isEqualTo(1);
    assertThat(result.summary().counter(TrainGrid.RUNS_TRAINED)).isEqualTo(1);
    assertThat(Files.getLastModifiedTime(aCheckpoint)).isEqualTo(aTrained);
    assertThat(Files.getLastModifiedTime(plan.pretrainDir().resolve(RunFolder.CHECKPOINT))).isEqualTo(pretrainTrained);

    TrainingState resumed = Checkpoint.read(gCheckpoint).state();
    assertThat(resumed.epochs()).isEqualTo(2);
    assertThat(resumed.finished()).isTrue();
    assertThat(resumed.history().get(0)).isEqualTo(s.history().get(0));

    RunProvenance gRun = RunProvenanceJson.read(plan.runDir(g).resolve(RunFolder.RUN_JSON));
    assertThat(gRun.variant()).isEqualTo("G");
    assertThat(gRun.r()).isEqualTo(r.r());
    assertThat(gRun.extra().get("pretrainedRun").asText()).isEqualTo(plan.pretrainDir().toString());
    assertThat(Files.readAllLines(out.resolve("grid.jsonl"))).hasSize(2);
  }

  @Test
  void gridCellsAreEveryCombinationAndNameTheirRuns() {
    List<GridCell> cells = GridCell.all(List.of("A", "g", "CLMR"), List.of(1.0, 10.0, 100.0), 3);
    assertThat(cells).hasSize(27);
    assertThat(cells).extracting(GridCell::runName).doesNotHaveDuplicates()
        .contains("A-f1-s0", "G-f10-s2", "CLMR-f100-s1");
    assertThat(new GridCell("A", 0.5, 0).fraction()).isEqualTo(0.005);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GridCell("A", 0, 0))
        .hasMessageContaining("(0, 100]");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GridCell("pretrain", 100, 0))
        .hasMessageContaining("shared pre-training");
  }
}
