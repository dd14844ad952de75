package org.soundalike.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.soundalike.net.NetworkParameters;
import org.soundalike.onnx.ExportFixtures;
import org.soundalike.train.TinyRun;
import org.soundalike.train.TrainedNetwork;

/**
 * A really trained run (weights and batch-norm running averages moved away from their initial
 * values) gives the same embeddings and tag probabilities on ND4J and on ONNX Runtime, both
 * loaded the way serving loads them, on audio decoded from a generated file.
 */
class TrainedRunParityTest {

  @TempDir Path directory;

  @Test
  void onnxRuntimeMatchesNd4jOnATrainedRun() throws IOException {
    Path run = TinyRun.train(directory);
    NetworkParameters trained = TrainedNetwork.load(run).parameters();
    NetworkParameters initial = NetworkParameters.initialize(trained.config(), DataType.FLOAT, TinyRun.SEED);
    assertThat(trained.trainable().keySet()).allSatisfy(name ->
        assertThat(trained.get(name).equalsWithEps(initial.get(name), 1e-6)).as(name).isFalse());
    assertThat(trained.runningStatistics().keySet()).allSatisfy(name ->
        assertThat(trained.get(name).equalsWithEps(initial.get(name), 1e-6)).as(name).isFalse());
    List<float[]> excerpts = ExportFixtures.decodedExcerpts(directory, 4);

    ExcerptEmbeddings nd4j;
    try (ExcerptEncoder encoder = ExcerptEncoders.load(run, new ExcerptEncoders.Settings(ExcerptEncoders.Engine.ND4J, 0, 3))) {
      assertThat(encoder.engine()).isEqualTo("nd4j");
      nd4j = encoder.encode(excerpts);
    }
    ExcerptEmbeddings ort;
    try (ExcerptEncoder encoder = ExcerptEncoders.load(run, new ExcerptEncoders.Settings(ExcerptEncoders.Engine.ONNX, 2, 3))) {
      assertThat(encoder.engine()).isEqualTo("onnxruntime");
      ort = encoder.encode(excerpts);
    }

    int tags = trained.config().tags();
    for (int i = 0; i < excerpts.size(); i++) {
      assertThat(Cosine.of(nd4j.embeddings()[i], ort.embeddings()[i])).isGreaterThanOrEqualTo(0.9999);
      assertThat(ort.tagProbabilities()[i]).hasSize(tags);
      for (int t = 0; t < tags; t++) {
        assertThat((double) ort.tagProbabilities()[i][t]).isCloseTo(nd4j.tagProbabilities()[i][t], within(1e-4));
      }
    }
    // Different excerpts give different embeddings: agreement is not a constant matching itself.
    assertThat(Cosine.of(ort.embeddings()[0], ort.embeddings()[3])).isLessThan(0.9999);
  }
}
