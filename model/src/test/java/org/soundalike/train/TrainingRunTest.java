package org.soundalike.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.run.RunProvenance;
import org.soundalike.run.RunProvenanceJson;
import org.soundalike.run.RunFolder;

/**
 * The epoch loop on a tiny network and corpus. Two runs are trained once for the class (a
 * one-epoch supervised run and a one-epoch pre-training), since every epoch costs seconds.
 */
class TrainingRunTest {

  @TempDir static Path shared;
  static Catalog catalog;
  static Path baseline;
  static TrainingRun.Outcome baselineOutcome;
  static Path pretrained;

  @TempDir Path dir;
  private static final ByteArrayOutputStream LOG_BYTES = new ByteArrayOutputStream();
  private static final PrintStream LOG = new PrintStream(LOG_BYTES, true, StandardCharsets.UTF_8);

  @BeforeAll
  static void trainOnce() throws IOException {
    catalog = Catalogs.open(TinyCorpus.create(shared.resolve("corpus")));
    baseline = shared.resolve("baseline");
    baselineOutcome = train(baseline, settings("A", 1, null));
    pretrained = shared.resolve("pretrain");
    train(pretrained, TrainingSettings.defaults(SampleCnnConfig.TINY, Variant.PRETRAIN, null, 1, 7, null)
        .withEpochs(1).withBatch(TinyCorpus.BATCH, 0));
  }

  static TrainingSettings settings(String variant, int epochs, Path pretrainedRun) {
    return TrainingSettings.defaults(SampleCnnConfig.TINY, Variant.named(variant), 20.0, 0.5, 7, pretrainedRun)
        .withEpochs(epochs)
        .withBatch(TinyCorpus.BATCH, 0);
  }

  private static TrainingRun.Outcome train(Path run, TrainingSettings settings) {
    return new TrainingRun(catalog, run, settings, "test", LOG).run();
  }

  private static List<Double> trainingLosses(TrainingState state) {
    return state.history().stream().map(r -> r.training().total()).toList();
  }

  private static String log() {
    return LOG_BYTES.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRunRecordsItsCheckpointsProvenanceAndRefusedTracks() throws IOException {
    TrainingState state = baselineOutcome.state();
    assertThat(state.epochs()).isEqualTo(1);
    assertThat(state.stopReason()).startsWith("max epochs");
    assertThat(state.history()).singleElement().satisfies(r -> {
      assertThat(r.training().isFinite()).isTrue();
      assertThat(r.validation().metricLearning()).isPositive();
      assertThat(r.validation().total()).isEqualTo(r.validation().metricLearning());
    });
    assertThat(baseline.resolve(RunFolder.CHECKPOINT)).exists();
    assertThat(baseline.resolve(RunFolder.BEST)).exists();
    RunProvenance provenance = RunProvenanceJson.read(baseline.resolve(RunFolder.RUN_JSON));
    assertThat(provenance.variant()).isEqualTo("A");
    assertThat(provenance.techniques()).isEqualTo("none");
    assertThat(provenance.alpha()).isNull();
    assertThat(provenance.r()).isNull();
    assertThat(provenance.labelFraction()).isEqualTo(0.5);
    assertThat(provenance.seed()).isEqualTo(7);
    assertThat(provenance.epochs()).isEqualTo(1);
    assertThat(provenance.config()).isEqualTo("tiny");
    assertThat(provenance.catalogFingerprint()).isEqualTo(catalog.fingerprint());
    assertThat(provenance.extra().get("lambda").asDouble()).isZero();
    assertThat(provenance.extra().get("history")).hasSize(1);
    assertThat(provenance.extra().get("status").asText()).isEqualTo("finished");
    assertThat(provenance.extra().get("engine").asText()).isEqualTo(TrainingEngine.forBackend().label());
    assertThat(Files.readString(baseline.resolve(RunFolder.RUN_JSON))).contains(TinyCorpus.TOO_SHORT);
    assertThat(log()).contains("not used: track " + TinyCorpus.TOO_SHORT);
  }

  @Test
  void aFinishedRunIsNotTrainedAgain() {
    TrainingRun.Outcome again = train(baseline, settings("A", 1, null));

    assertThat(again.alreadyFinished()).isTrue();
    assertThat(again.state()).isEqualTo(baselineOutcome.state());
  }

  @Test
  void aFolderHoldingAnotherRunIsRefused() {
    assertThatThrownBy(() -> train(baseline, settings("B", 2, null)))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("holds another run");
  }

  @Test
  void aRunIsNotResumedOnTheOtherEngine() {
    assertThatThrownBy(() -> train(baseline, settings("A", 2, null).withEngine(TrainingEngine.SAMEDIFF)))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("holds another run")
        .hasMessageContaining("engine=SAMEDIFF");
  }

  @Test
  void theSameSeedGivesTheSameLossesAndAResumedRunContinuesAsIfUninterrupted() throws IOException {
    Path straight = dir.resolve("straight");
    Path resumed = dir.resolve("resumed");
    copyFolder(baseline, resumed);

    List<Double> uninterrupted = trainingLosses(train(straight, settings("A", 2, null)).state());
    TrainingRun.Outcome continued = train(resumed, settings("A", 2, null));

    assertThat(uninterrupted.get(0)).isEqualTo(trainingLosses(baselineOutcome.state()).get(0));
    assertThat(log()).contains("resuming " + resumed + " after epoch 1");
    assertThat(continued.state().history()).hasSize(2);
    assertThat(trainingLosses(continued.state())).isEqualTo(uninterrupted);
    assertThat(uninterrupted).doesNotHaveDuplicates();
  }

  @Test
  void techniqueContrastiveWithPretrainingRecordsAlphaRAndLambda() {
    Path run = dir.resolve("g");

    TrainingRun.Outcome outcome = train(run, settings("G", 1, pretrained));

    assertThat(outcome.state().history()).singleElement().satisfies(r -> {
      assertThat(r.validation().selfSupervised()).isPositive();
      assertThat(r.validation().total())
          .isCloseTo(r.validation().metricLearning() + r.validation().selfSupervised() / 20, org.assertj.core.data.Offset.offset(1e-5));
    });
    RunProvenance provenance = RunProvenanceJson.read(run.resolve(RunFolder.RUN_JSON));
    assertThat(provenance.techniques()).isEqualTo("c+p");
    assertThat(provenance.alpha()).isEqualTo(1.0);
    assertThat(provenance.r()).isEqualTo(20.0);
    assertThat(provenance.extra().get("lambda").asDouble()).isEqualTo(1.0 / 20.0);
  }

  @Test
  void theClmrBaselineTrainsOnlyTheTagHead() {
    Path run = dir.resolve("clmr");

    train(run, settings("CLMR", 1, pretrained));

    var before = Checkpoint.read(RunFolder.of(pretrained).bestOrLastCheckpoint()).arrays();
    var after = Checkpoint.read(run.resolve(RunFolder.CHECKPOINT)).arrays();
    assertThat(after.get("param/block3.w")).isEqualTo(before.get("param/block3.w"));
    assertThat(after.get("param/projector.w1")).isEqualTo(before.get("param/projector.w1"));
    assertThat(after.get("param/tags.w")).isNotEqualTo(before.get("param/tags.w"));
  }

  @Test
  void aNonFiniteLossStopsWithTheEpochAndStepAndWritesNoCheckpointForIt() {
    Path run = dir.resolve("exploding");
    // A learning rate of float's largest value makes the first Adam step push every weight to
    // about ±3.4e38: the next forward pass's sums overflow to infinity. (1e30 was not enough on
    // the dnnl engine: its batch norm turned the ±1e30 activations back into finite values.)
    TrainingSettings exploding = settings("A", 2, null).withOptimizer(new OptimizerSettings(Float.MAX_VALUE, 0));

    assertThatThrownBy(() -> train(run, exploding))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("epoch 1, step 2 of 2")
        .hasMessageContaining("not finite")
        .hasMessageContaining("last good checkpoint (epoch 0)");
    assertThat(run.resolve(RunFolder.CHECKPOINT)).doesNotExist();
  }

  static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
