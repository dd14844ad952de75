package org.soundalike.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.soundalike.train.Checkpoint;
import org.soundalike.train.TinyRun;
import org.soundalike.run.RunFolder;
import org.soundalike.run.RunFolderException;

/**
 * A training run's export: its checkpoint's network, its vocabulary and provenance in the
 * metadata, cached next to the run and rewritten exactly when the checkpoint changes.
 */
class RunOnnxExportTest {

  @TempDir static Path shared;
  static Path trained;

  @TempDir Path dir;

  @BeforeAll
  static void trainOnce() throws IOException {
    trained = TinyRun.train(shared);
  }

  private Path copyOfRun() throws IOException {
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    try (var files = Files.list(trained)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().equals(RunFolder.MODEL_ONNX)) {
          Files.copy(file, run.resolve(file.getFileName()));
        }
      }
    }
    return run;
  }

  private static Map<String, String> metadata(Path model) throws IOException {
    try (InputStream in = Files.newInputStream(model)) {
      Map<String, String> out = new LinkedHashMap<>();
      for (StringStringEntryProto entry : ModelProto.parseFrom(in).getMetadataPropsList()) {
        out.put(entry.getKey(), entry.getValue());
      }
      return out;
    }
  }

  @Test
  void theExportCarriesTheRunsVocabularyAndProvenance() throws IOException {
    Path out = RunOnnxExport.write(trained, dir.resolve("exported.onnx"));

    Checkpoint checkpoint = Checkpoint.read(RunFolder.of(trained).bestOrLastCheckpoint());
    Map<String, String> metadata = metadata(out);
    assertThat(metadata)
        .containsEntry("soundalike.source", "run")
        .containsEntry("soundalike.variant", "A")
        .containsEntry("soundalike.seed", Long.toString(TinyRun.SEED))
        .containsEntry("soundalike.epochs", "1")
        .containsEntry("soundalike.config", "tiny")
        .containsEntry("soundalike.code_version", "test")
        .containsEntry("soundalike.catalog_fingerprint", checkpoint.catalogFingerprint())
        .containsKeys("soundalike.dataset", "soundalike.trained_at", RunOnnxExport.META_CHECKPOINT_SHA256);
    assertThat(metadata.get(OnnxExport.META_TAGS)).isEqualTo("[\"high\",\"low\",\"noisy\"]");
    assertThat(checkpoint.tags()).containsExactly("high", "low", "noisy");
  }

  @Test
  void theCachedExportIsWrittenOnceAndRewrittenWhenTheCheckpointChanges() throws IOException {
    Path run = copyOfRun();
    Path cached = RunOnnxExport.ensure(run);
    assertThat(cached).isEqualTo(run.resolve(RunFolder.MODEL_ONNX).toAbsolutePath());
    String firstHash = metadata(cached).get(RunOnnxExport.META_CHECKPOINT_SHA256);
    FileTime marker = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(cached, marker);

    assertThat(RunOnnxExport.ensure(run)).isEqualTo(cached);
    assertThat(Files.getLastModifiedTime(cached)).isEqualTo(marker);

    // The run trained further: its best checkpoint now holds other running averages.
    Path best = RunFolder.of(run).bestOrLastCheckpoint();
    Checkpoint saved = Checkpoint.read(best);
    Map<String, INDArray> arrays = new LinkedHashMap<>(saved.arrays());
    String variance = arrays.keySet().stream().filter(k -> k.startsWith("running/") && k.endsWith(".var"))
        .findFirst().orElseThrow();
    arrays.put(variance, arrays.get(variance).add(0.5));
    new Checkpoint(saved.settings(), saved.state(), saved.catalogFingerprint(), saved.tags(), arrays).write(best);

    assertThat(RunOnnxExport.ensure(run)).isEqualTo(cached);
    assertThat(Files.getLastModifiedTime(cached)).isNotEqualTo(marker);
    assertThat(metadata(cached).get(RunOnnxExport.META_CHECKPOINT_SHA256)).isNotEqualTo(firstHash);
  }

  @Test
  void aTruncatedCacheIsRewritten() throws IOException {
    Path run = copyOfRun();
    Path cached = RunOnnxExport.ensure(run);
    byte[] bytes = Files.readAllBytes(cached);
    Files.write(cached, java.util.Arrays.copyOf(bytes, bytes.length / 3));

    RunOnnxExport.ensure(run);

    assertThat(Files.readAllBytes(cached)).isEqualTo(bytes);
  }

  @Test
  void aFolderWithoutCheckpointIsAnErrorNamingIt() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty-run"));
    assertThatThrownBy(() -> RunOnnxExport.ensure(empty))
        .isInstanceOf(RunFolderException.class)
        .hasMessageContaining("empty-run");
  }
}
