package org.soundalike.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.AudioWriter;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.net.EmbeddingGraph;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.train.Checkpoint;
import org.soundalike.train.TrainingSettings;
import org.soundalike.train.TrainingState;
import org.soundalike.train.Variant;
import org.soundalike.run.RunFolder;

class TrackEncoderTest {

  private static final SampleCnnConfig CONFIG = SampleCnnConfig.TINY.withTags(3);
  private static final List<String> TAGS = List.of("bright", "dark", "loud");

  @TempDir static Path dir;
  static Path run;
  static NetworkParameters parameters;

  /** A run folder holding a checkpoint of freshly initialised weights (training is not under test here). */
  @BeforeAll
  static void checkpoint() {
    parameters = NetworkParameters.initialize(CONFIG, DataType.FLOAT, 3);
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    parameters.trainable().forEach((n, a) -> arrays.put("param/" + n, a));
    parameters.runningStatistics().forEach((n, a) -> arrays.put("running/" + n, n.endsWith(".var") ? a.dup().addi(0.25) : a));
    run = dir.resolve("run");
    run.toFile().mkdirs();
    TrainingSettings settings = TrainingSettings.defaults(CONFIG, Variant.SUPERVISED_ONLY, null, 1, 3, null);
    new Checkpoint(settings, TrainingState.fresh(1e-3), "fingerprint", TAGS, arrays).write(run.resolve(RunFolder.BEST));
    parameters.runningStatistics().forEach((n, a) -> {
      if (n.endsWith(".var")) {
        a.addi(0.25);
      }
    });
  }

  private static float[] signal(int samples, double hertz) {
    float[] audio = new float[samples];
    for (int n = 0; n < samples; n++) {
      audio[n] = (float) (0.5 * Math.sin(2 * Math.PI * hertz * n / AudioSpec.SAMPLE_RATE) + 0.1 * Math.sin(n * 0.37));
    }
    return audio;
  }

  @Test
  void theTrackEmbeddingIsTheNormalisedMeanOfItsWindowsAndScoresTheMeanProbabilities() {
    float[] audio = signal(3 * AudioSpec.EXCERPT_SAMPLES + 1000, 330);
    try (TrackEncoder encoder = TrackEncoder.load(run, 1)) {
      TrackEmbedding track = encoder.encode("t", Path.of("t.wav"), audio);

      float[][] windows = new float[3][];
      for (int w = 0; w < 3; w++) {
        windows[w] = java.util.Arrays.copyOfRange(audio, w * AudioSpec.EXCERPT_SAMPLES, (w + 1) * AudioSpec.EXCERPT_SAMPLES);
      }
      EmbeddingGraph.Output direct = EmbeddingGraph.build(parameters).run(Nd4j.create(windows));
      INDArray mean = direct.embeddings().mean(0);
      float[] expected = mean.div(mean.norm2Number()).toFloatVector();
      float[] probabilities = direct.tagProbabilities().mean(0).toFloatVector();

      assertThat(track.excerpts()).isEqualTo(3);
      assertThat(track.embedding()).containsExactly(expected, within(1e-5f));
      assertThat(track.tagProbabilities()).containsExactly(probabilities, within(1e-5f));
      double norm = 0;
      for (float v : track.embedding()) {
        norm += v * v;
      }
      assertThat(norm).isCloseTo(1.0, within(1e-5));
      EmbeddedTrack line = encoder.toEmbeddedTrack("t", List.of("dark"), track);
      assertThat(line.scores()).containsOnlyKeys(TAGS);
      assertThat(line.scores().get("loud")).isCloseTo(probabilities[2], within(1e-6));
    }
  }

  /** Several threads share one encoder (ORT by default: one session) and get what one thread gets. */
  @Test
  void concurrentCallersGetTheSameResultsAsOneCaller() throws Exception {
    List<float[]> tracks = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tracks.add(signal(AudioSpec.EXCERPT_SAMPLES * (1 + i % 2), 110 * (i + 1)));
    }
    try (TrackEncoder encoder = TrackEncoder.load(run, 2)) {
      List<float[]> sequential = new ArrayList<>();
      for (float[] t : tracks) {
        sequential.add(encoder.encode("s", Path.of("s.wav"), t).embedding());
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<float[]>> futures = new ArrayList<>();
        for (float[] t : tracks) {
          futures.add(pool.submit(() -> encoder.encode("c", Path.of("c.wav"), t).embedding()));
        }
        for (int i = 0; i < tracks.size(); i++) {
          assertThat(futures.get(i).get()).containsExactly(sequential.get(i), within(1e-6f));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aFileShorterThanOneExcerptIsAnErrorNamingIt() {
    Path file = dir.resolve("short.wav");
    AudioWriter.write(file, AudioSpec.SAMPLE_RATE, signal(AudioSpec.SAMPLE_RATE, 440));
    try (TrackEncoder encoder = TrackEncoder.load(run, 1)) {
      assertThatThrownBy(() -> encoder.encode("short", file))
          .isInstanceOf(EncodingException.class)
          .hasMessageContaining("short");
    }
  }

  @Test
  void loadServesTheRunWithOnnxRuntimeFromAnExportCachedNextToIt() throws IOException {
    Path copy = dir.resolve("cached-run");
    Files.createDirectories(copy);
    Path best = copy.resolve(RunFolder.BEST);
    Files.copy(run.resolve(RunFolder.BEST), best, StandardCopyOption.REPLACE_EXISTING);
    float[] audio = signal(2 * AudioSpec.EXCERPT_SAMPLES, 220);
    Path cached = copy.resolve(RunFolder.MODEL_ONNX);

    float[] first;
    try (TrackEncoder encoder = TrackEncoder.load(copy, 1)) {
      assertThat(encoder.engine()).isEqualTo("onnxruntime");
      assertThat(cached).isRegularFile();
      first = encoder.encode("t", Path.of("t.wav"), audio).embedding();
    }
    FileTime marker = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(cached, marker);
    try (TrackEncoder encoder = TrackEncoder.load(copy, 1)) {
      assertThat(Files.getLastModifiedTime(cached)).as("reused, not rewritten").isEqualTo(marker);
      assertThat(encoder.encode("t", Path.of("t.wav"), audio).embedding()).containsExactly(first, within(0f));
    }

    // A new checkpoint (the run trained on) makes the next load rewrite the export.
    Checkpoint saved = Checkpoint.read(best);
    Map<String, INDArray> arrays = new LinkedHashMap<>(saved.arrays());
    Nd4j.getRandom().setSeed(17);
    arrays.replaceAll((name, array) -> name.startsWith("param/") && name.endsWith(".w")
        ? array.add(Nd4j.randn(array.dataType(), array.shape()).muli(array.ameanNumber().doubleValue()))
        : array);
    new Checkpoint(saved.settings(), saved.state(), saved.catalogFingerprint(), saved.tags(), arrays).write(best);
    try (TrackEncoder encoder = TrackEncoder.load(copy, 1)) {
      assertThat(Files.getLastModifiedTime(cached)).isNotEqualTo(marker);
      float[] after = encoder.encode("t", Path.of("t.wav"), audio).embedding();
      assertThat(Cosine.of(after, first)).isLessThan(0.9999);
    }
  }

  @Test
  void theNd4jEngineGivesTheSameTrackEmbeddingAsOnnxRuntime() {
    float[] audio = signal(3 * AudioSpec.EXCERPT_SAMPLES, 550);
    TrackEmbedding ort;
    try (TrackEncoder encoder = TrackEncoder.load(run, ExcerptEncoders.Settings.DEFAULT)) {
      ort = encoder.encode("t", Path.of("t.wav"), audio);
    }
    try (TrackEncoder encoder = TrackEncoder.load(run,
        new ExcerptEncoders.Settings(ExcerptEncoders.Engine.ND4J, 0, 2))) {
      assertThat(encoder.engine()).isEqualTo("nd4j");
      TrackEmbedding nd4j = encoder.encode("t", Path.of("t.wav"), audio);
      assertThat(Cosine.of(nd4j.embedding(), ort.embedding())).isGreaterThanOrEqualTo(0.9999);
      assertThat(nd4j.tagProbabilities()).containsExactly(ort.tagProbabilities(), within(1e-4f));
    }
  }

  @Test
  void encodersOfOneRunShareOneOnnxRuntimeSession() {
    try (TrackEncoder first = TrackEncoder.load(run, 1); TrackEncoder second = TrackEncoder.load(run, 4)) {
      assertThat(OrtExcerptEncoder.openSessions()).isEqualTo(1);
      assertThat(second.tags()).isEqualTo(first.tags());
    }
    assertThat(OrtExcerptEncoder.openSessions()).isZero();
  }
}
