package org.soundalike.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.encode.OrtExcerptEncoder;
import picocli.CommandLine;

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
}
