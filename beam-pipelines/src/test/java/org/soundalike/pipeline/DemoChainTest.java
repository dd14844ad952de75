package org.soundalike.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo chain's order and its stage bookkeeping (the stages themselves are the pipelines, tested on their own). */
class DemoChainTest {

  @TempDir Path home;

  @Test
  void theChainRunsTheMainJobInOrderWithHooksForExportAndDashboard() {
    DemoOptions options = PipelineOptionsFactory.fromArgs("--home=" + home).as(DemoOptions.class);
    DemoChain chain = new DemoChain(options, new String[0]);

    assertThat(chain.stages()).extracting(DemoStage::name).containsExactly(
        "corpus", "ingest", "augment", "pretrain", "train", DemoChain.EXPORT_STAGE, "evaluate", "report",
        DemoChain.DASHBOARD_STAGE);
    // On a fresh home nothing is done yet, except the hooks, which have nothing to run.
    for (DemoStage stage : chain.stages()) {
      boolean hook = stage.name().equals(DemoChain.EXPORT_STAGE) || stage.name().equals(DemoChain.DASHBOARD_STAGE);
      assertThat(stage.alreadyDone().get().isPresent()).as(stage.name()).isEqualTo(hook);
    }
    assertThat(chain.gridDir()).isEqualTo(home.toAbsolutePath().normalize().resolve("data/demo/grid"));
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
