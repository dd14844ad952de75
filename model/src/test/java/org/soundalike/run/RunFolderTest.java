package org.soundalike.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

  @TempDir Path temp;

  private static RunProvenance provenance(String runId, String variant, String status) {
    return new RunProvenance(runId, "demo", "fp", "compact", variant, "c+p", 1.0, 22.0, 0.1, 7, "v+abc", 3,
        "2026-11-26T10:00:00Z", Map.of(RunProvenance.STATUS,
            com.fasterxml.jackson.databind.node.TextNode.valueOf(status)));
  }

  @Test
  void servesTheBestCheckpointElseTheLastAndNamesTheFolderWhenThereIsNone() throws IOException {
    RunFolder run = RunFolder.of(temp.resolve("G-tiny"));
    Files.createDirectories(run.path());
    assertThatThrownBy(run::bestOrLastCheckpoint).isInstanceOf(RunFolderException.class)
        .hasMessageContaining(run.path().toString()).hasMessageContaining(RunFolder.BEST);
    Files.writeString(run.lastCheckpoint(), "last");
    assertThat(run.bestOrLastCheckpoint()).isEqualTo(run.path().resolve("checkpoint.bin"));
    Files.writeString(run.bestCheckpoint(), "best");
    assertThat(run.bestOrLastCheckpoint()).isEqualTo(run.path().resolve("best.bin"));
  }

  @Test
  void theRunIdIsRunJsonsElseTheFolderName() {
    RunFolder run = RunFolder.of(temp.resolve("folder-name"));
    assertThat(run.hasProvenance()).isFalse();
    assertThat(run.runId()).isEqualTo("folder-name");
    run.path().toFile().mkdirs();
    run.writeProvenance(provenance("recorded-id", "G", "training"));
    assertThat(run.runId()).isEqualTo("recorded-id");
    assertThat(run.provenance()).isEqualTo(provenance("recorded-id", "G", "training"));
  }

  @Test
  void findsTheRunFoldersWithRunJsonAndACheckpoint() throws IOException {
    RunFolder finished = folder("runs/G-s0", provenance("G-s0", "G", RunProvenance.FINISHED), true);
    RunFolder pretrain = folder("runs/pretrain", provenance("pretrain", RunProvenance.PRETRAINING, "training"), true);
    folder("runs/no-checkpoint", provenance("x", "A", "finished"), false);
    assertThat(RunFolder.under(temp)).containsExactly(finished, pretrain);
    assertThat(finished.finished()).isTrue();
    assertThat(finished.pretraining()).isFalse();
    assertThat(pretrain.finished()).isFalse();
    assertThat(pretrain.pretraining()).isTrue();
    assertThatThrownBy(() -> RunFolder.under(temp.resolve("missing"))).isInstanceOf(RunFolderException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void provenanceFieldsAreSnakeCaseAndLeaveAbsentValuesOut() {
    RunProvenance supervised = new RunProvenance("A-s0", "demo", null, "compact", "A", "none", null, null, 1, 3,
        null, null, null);
    assertThat(supervised.fields()).containsExactly(Map.entry("run_id", "A-s0"), Map.entry("dataset", "demo"),
        Map.entry("config", "compact"), Map.entry("variant", "A"), Map.entry("techniques", "none"),
        Map.entry("label_fraction", "1.0"), Map.entry("seed", "3"));
    assertThat(provenance("G", "G", "training").fields()).containsEntry("alpha", "1.0").containsEntry("r", "22.0")
        .containsEntry("catalog_fingerprint", "fp");
  }

  private RunFolder folder(String name, RunProvenance provenance, boolean checkpoint) throws IOException {
    RunFolder run = RunFolder.of(temp.resolve(name));
    Files.createDirectories(run.path());
    run.writeProvenance(provenance);
    if (checkpoint) {
      Files.writeString(run.lastCheckpoint(), "weights");
    }
    return run;
  }
}
