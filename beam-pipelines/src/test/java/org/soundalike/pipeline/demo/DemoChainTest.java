package org.soundalike.pipeline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.pipeline.Pipelines;
import org.soundalike.pipeline.runner.PipelineInputException;

/** The demo chain's order and its stage bookkeeping (the stages themselves are the pipelines, tested on their own). */
class DemoChainTest {

  @TempDir Path home;

  @Test
  void theChainRunsTheMainJobInOrderAndServesTheBestInformedRun() {
    DemoOptions options = PipelineOptionsFactory.fromArgs("--home=" + home).as(DemoOptions.class);
    DemoChain chain = new DemoChain(options, new String[0], Pipelines.class);

    assertThat(chain.stages()).extracting(DemoStage::name).containsExactly(
        "corpus", "ingest", "augment", "pretrain", "train", "export", "evaluate", "report", "dashboard");
    // On a fresh home nothing is done yet.
    for (DemoStage stage : chain.stages()) {
      assertThat(stage.alreadyDone().get()).as(stage.name()).isEmpty();
    }
    assertThat(chain.gridDir()).isEqualTo(home.toAbsolutePath().normalize().resolve("data/demo/grid"));
    // G (c+p) at the largest label fraction, first seed.
    assertThat(chain.servingRun()).isEqualTo(chain.gridDir().resolve("runs/G-f100-s0"));
  }

  @Test
  void theDashboardStageWritesTheArgumentsTheLauncherStartsItWith() throws IOException {
    DemoOptions options = PipelineOptionsFactory.fromArgs("--home=" + home, "--esUrl=http://127.0.0.1:9299",
        "--trainVariants=A", "--trainFractions=10").as(DemoOptions.class);
    DemoChain chain = new DemoChain(options, new String[0], Pipelines.class);
    DemoStage dashboard = chain.stages().get(chain.stages().size() - 1);

    String result = dashboard.work().get();

    Path file = home.toAbsolutePath().normalize().resolve("data/demo").resolve(DemoChain.DASHBOARD_ARGS);
    assertThat(result).contains(file.toString());
    assertThat(Files.readAllLines(file)).containsExactly(
        "--results", chain.gridDir().toString(),
        "--catalog", home.toAbsolutePath().normalize().resolve("data/demo-corpus").toString(),
        "--run", chain.gridDir().resolve("runs/A-f10-s0").toString(),
        "--rejects", chain.ingestDir().resolve("rejects.jsonl").toString(),
        "--es-url", "http://127.0.0.1:9299");
  }

  @Test
  void stagesAlreadyDoneAreSkippedAndAFailureStopsTheChain() {
    List<String> ran = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    List<DemoStage> stages = List.of(
        new DemoStage("one", Optional::empty, () -> { ran.add("one"); return "made one"; }),
        new DemoStage("two", () -> Optional.of("two is there"), () -> { ran.add("two"); return "made two"; }),
        new DemoStage("three", Optional::empty, () -> { ran.add("three"); return "made three"; }));

    List<DemoChain.StageTime> times = DemoChain.run(stages, log);

    assertThat(ran).containsExactly("one", "three");
    assertThat(times).extracting(DemoChain.StageTime::stage).containsExactly("one", "two", "three");
    assertThat(times).extracting(DemoChain.StageTime::skipped).containsExactly(false, true, false);
    assertThat(times.get(1).result()).isEqualTo("two is there");
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("demo [1/3] one: running", "demo [2/3] two: skipped (two is there)",
        "demo [3/3] three: done in");

    List<DemoStage> failing = List.of(
        new DemoStage("bad", Optional::empty, () -> { throw new PipelineInputException("no corpus"); }),
        new DemoStage("after", Optional::empty, () -> { ran.add("after"); return "never"; }));
    assertThatThrownBy(() -> DemoChain.run(failing, log)).hasMessage("no corpus");
    assertThat(ran).doesNotContain("after");
  }
}
