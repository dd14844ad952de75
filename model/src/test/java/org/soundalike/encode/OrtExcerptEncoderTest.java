package org.soundalike.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.net.NetworkParameters;
import org.soundalike.onnx.ExportFixtures;
import org.soundalike.onnx.OnnxExport;
import org.soundalike.onnx.OnnxExportException;
import org.soundalike.net.SampleCnnConfig;

/** Serving an export: shared sessions, concurrent callers, batching, bad inputs. */
class OrtExcerptEncoderTest {

  private static final SampleCnnConfig CONFIG = SampleCnnConfig.COMPACT;

  @TempDir static Path directory;
  private static Path model;
  private static List<float[]> excerpts;

  @BeforeAll
  static void export() {
    NetworkParameters parameters = ExportFixtures.networkWithBatchNormStatistics(CONFIG, 5);
    model = OnnxExport.write(parameters, ExportFixtures.tagNames(CONFIG.tags()),
        ExportFixtures.provenance(CONFIG, 5), directory.resolve("compact.onnx"));
    excerpts = ExportFixtures.decodedExcerpts(directory, 3);
  }

  @Test
  void encodersOfOneModelShareOneSessionUntilTheLastIsClosed() {
    OrtExcerptEncoder first = OrtExcerptEncoder.open(model, 1, 4);
    OrtExcerptEncoder second = OrtExcerptEncoder.open(model, 1, 2);
    assertThat(OrtExcerptEncoder.openSessions()).isEqualTo(1);
    first.close();
    first.close();
    assertThat(OrtExcerptEncoder.openSessions()).isEqualTo(1);
    assertThat(second.encode(excerpts.subList(0, 1)).size()).isEqualTo(1);
    second.close();
    assertThat(OrtExcerptEncoder.openSessions()).isZero();
  }

  @Test
  void batchingAndConcurrentCallersDoNotChangeTheResults() throws Exception {
    ExcerptEmbeddings oneByOne;
    try (OrtExcerptEncoder encoder = OrtExcerptEncoder.open(model, 2, 1)) {
      oneByOne = encoder.encode(excerpts);
    }
    try (OrtExcerptEncoder encoder = OrtExcerptEncoder.open(model, 2, 8)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<ExcerptEmbeddings>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          futures.add(pool.submit(() -> encoder.encode(excerpts)));
        }
        for (Future<ExcerptEmbeddings> future : futures) {
          ExcerptEmbeddings batched = future.get();
          for (int e = 0; e < excerpts.size(); e++) {
            assertThat(batched.embeddings()[e]).containsExactly(oneByOne.embeddings()[e],
                org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(batched.tagProbabilities()[e]).containsExactly(oneByOne.tagProbabilities()[e],
                org.assertj.core.data.Offset.offset(1e-6f));
          }
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(encoder.metadata()).containsEntry("soundalike.source", "untrained");
      assertThat(encoder.engine()).isEqualTo("onnxruntime");
    }
    for (float[] z : oneByOne.embeddings()) {
      double norm = 0;
      for (float v : z) {
        norm += v * v;
      }
      assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void rejectsExcerptsOfTheWrongLength() {
    try (OrtExcerptEncoder encoder = OrtExcerptEncoder.open(model, 1, 8)) {
      assertThatThrownBy(() -> encoder.encode(List.of(new float[1000])))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000 samples");
    }
  }

  @Test
  void refusesAnOnnxModelThatIsNotASoundAlikeExport() throws IOException {
    ModelProto bare = OnnxExport.model(
            ExportFixtures.networkWithBatchNormStatistics(CONFIG, 5), ExportFixtures.tagNames(50), Map.of())
        .toBuilder().clearMetadataProps().build();
    Path file = directory.resolve("bare.onnx");
    Files.write(file, bare.toByteArray());
    assertThatThrownBy(() -> OrtExcerptEncoder.open(file, 1, 8))
        .isInstanceOf(OnnxExportException.class)
        .hasMessageContaining("bare.onnx").hasMessageContaining("not a SoundAlike export");
    assertThat(OrtExcerptEncoder.openSessions()).isZero();
  }
}
