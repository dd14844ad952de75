package org.soundalike.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.net.NetworkParameters;
import org.soundalike.onnx.ExportFixtures;
import org.soundalike.onnx.OnnxExportCache;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.run.RunFolder;

/** The engine choice and the export cached next to a run. */
class ExcerptEncodersTest {

  private static final SampleCnnConfig CONFIG = SampleCnnConfig.COMPACT;

  @TempDir Path run;

  @Test
  void theOnnxEngineExportsOnceAndReExportsWhenTheParametersChange() throws Exception {
    NetworkParameters parameters = ExportFixtures.networkWithBatchNormStatistics(CONFIG, 9);
    List<String> tags = ExportFixtures.tagNames(CONFIG.tags());
    Path cached = run.resolve(RunFolder.MODEL_ONNX);

    OnnxExportCache.ensure(parameters, tags, Map.of(), cached);
    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(cached, written);
    OnnxExportCache.ensure(parameters, tags, Map.of(), cached);
    assertThat(Files.getLastModifiedTime(cached)).isEqualTo(written);

    parameters.get("final.mean").addi(0.25);
    OnnxExportCache.ensure(parameters, tags, Map.of(), cached);
    assertThat(Files.getLastModifiedTime(cached)).isNotEqualTo(written);
  }

  @Test
  void bothEnginesGiveTheSameEmbeddings() {
    NetworkParameters parameters = ExportFixtures.networkWithBatchNormStatistics(CONFIG, 9);
    List<String> tags = ExportFixtures.tagNames(CONFIG.tags());
    List<float[]> excerpts = OrtBenchmark.randomExcerpts(2, 3);
    ExcerptEmbeddings ort;
    ExcerptEmbeddings nd4j;
    try (ExcerptEncoder encoder = ExcerptEncoders.open(parameters, tags, Map.of("soundalike.run", "r1"), run,
        new ExcerptEncoders.Settings(ExcerptEncoders.Engine.ONNX, 1, 8))) {
      assertThat(encoder.engine()).isEqualTo("onnxruntime");
      ort = encoder.encode(excerpts);
    }
    try (ExcerptEncoder encoder = ExcerptEncoders.open(parameters, tags, Map.of(), run,
        new ExcerptEncoders.Settings(ExcerptEncoders.Engine.named("nd4j"), 1, 8))) {
      assertThat(encoder.engine()).isEqualTo("nd4j");
      nd4j = encoder.encode(excerpts);
    }
    assertThat(Files.exists(run.resolve(RunFolder.MODEL_ONNX))).isTrue();
    for (int i = 0; i < 2; i++) {
      assertThat(ort.embeddings()[i]).containsExactly(nd4j.embeddings()[i], org.assertj.core.data.Offset.offset(1e-4f));
    }
  }
}
