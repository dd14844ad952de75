package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.encode.OrtExcerptEncoder;
import org.soundalike.train.Checkpoint;
import org.soundalike.train.TinyRun;
import picocli.CommandLine;
import org.soundalike.run.RunFolder;

/** {@code soundalike export-onnx} writes a model ONNX Runtime serves, with the given vocabulary. */
class ExportOnnxTest {

  @TempDir Path directory;

  @Test
  void exportsAnUntrainedCompactNetworkWithATagFile() throws Exception {
    List<String> tags = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      tags.add("genre---g" + i);
    }
    Path tagFile = Files.write(directory.resolve("tags.txt"), tags);
    Path out = directory.resolve("compact.onnx");

    int exit = new CommandLine(new SoundAlike()).execute(
        "export-onnx", "--config", "compact", "--seed", "4", "--tags", tagFile.toString(), "--out", out.toString());

    assertThat(exit).isZero();
    try (OrtExcerptEncoder encoder = OrtExcerptEncoder.open(out, 1, 8)) {
      assertThat(encoder.tags()).isEqualTo(tags);
      assertThat(encoder.embeddingSize()).isEqualTo(128);
      assertThat(encoder.metadata())
          .containsEntry("soundalike.source", "untrained")
          .containsEntry("soundalike.seed", "4")
          .containsEntry("soundalike.config", "compact")
          .containsKey("soundalike.code_version");
    }
  }

  @Test
  void exportsATrainedRunNextToItByDefault() throws Exception {
    Path run = TinyRun.train(directory);
    StringWriter out = new StringWriter();
    CommandLine command = new CommandLine(new SoundAlike());
    command.setOut(new PrintWriter(out));

    int exit = command.execute("export-onnx", "--run", run.toString());

    assertThat(exit).isZero();
    Path cached = run.resolve(RunFolder.MODEL_ONNX);
    assertThat(out.toString()).contains(cached.toAbsolutePath().toString());
    try (OrtExcerptEncoder encoder = OrtExcerptEncoder.open(cached, 1, 8)) {
      assertThat(encoder.tags()).isEqualTo(Checkpoint.read(RunFolder.of(run).bestOrLastCheckpoint()).tags());
      assertThat(encoder.metadata())
          .containsEntry("soundalike.source", "run")
          .containsEntry("soundalike.seed", Long.toString(TinyRun.SEED))
          .containsEntry("soundalike.config", "tiny");
    }
  }

  @Test
  void aRunCannotBeCombinedWithAnUntrainedConfig() {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new SoundAlike());
    command.setErr(new PrintWriter(err));

    int exit = command.execute("export-onnx", "--run", directory.toString(), "--config", "compact");

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("--run excludes --config");
  }
}
