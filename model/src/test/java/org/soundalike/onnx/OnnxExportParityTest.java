package org.soundalike.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.soundalike.encode.Cosine;
import org.soundalike.encode.ExcerptEmbeddings;
import org.soundalike.encode.OrtExcerptEncoder;
import org.soundalike.encode.Nd4jExcerptEncoder;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;

/** The exported graph on ONNX Runtime computes what the ND4J network computes. */
class OnnxExportParityTest {

  @TempDir Path directory;

  @ParameterizedTest
  @ValueSource(strings = {"paper", "compact"})
  void onnxRuntimeMatchesNd4jOnDecodedAudio(String configName) {
    SampleCnnConfig config = SampleCnnConfig.named(configName);
    NetworkParameters parameters = ExportFixtures.networkWithBatchNormStatistics(config, 11);
    List<String> tags = ExportFixtures.tagNames(config.tags());
    Path model = OnnxExport.write(parameters, tags, ExportFixtures.provenance(config, 11),
        directory.resolve(configName + ".onnx"));
    List<float[]> excerpts = ExportFixtures.decodedExcerpts(directory, 2);

    ExcerptEmbeddings nd4j;
    try (Nd4jExcerptEncoder encoder = new Nd4jExcerptEncoder(parameters, tags, 8)) {
      nd4j = encoder.encode(excerpts);
    }
    ExcerptEmbeddings ort;
    try (OrtExcerptEncoder encoder = OrtExcerptEncoder.open(model, 2, 8)) {
      ort = encoder.encode(excerpts);
      assertThat(encoder.tags()).isEqualTo(tags);
      assertThat(encoder.embeddingSize()).isEqualTo(config.embeddingChannels());
    }

    assertThat(ort.size()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      assertThat(ort.embeddings()[i]).hasSize(config.embeddingChannels());
      assertThat(Cosine.of(nd4j.embeddings()[i], ort.embeddings()[i])).isGreaterThanOrEqualTo(0.9999);
      assertThat(ort.tagProbabilities()[i]).hasSize(config.tags());
      for (int t = 0; t < config.tags(); t++) {
        assertThat((double) ort.tagProbabilities()[i][t])
            .isCloseTo(nd4j.tagProbabilities()[i][t], within(1e-4));
      }
    }
    // The two excerpts differ, so agreement is not a constant output matching itself.
    assertThat(Cosine.of(ort.embeddings()[0], ort.embeddings()[1])).isLessThan(0.9999);
  }
}
