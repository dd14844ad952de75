package org.soundalike.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.soundalike.net.ArrayAssertions.assertClose;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.MicroBatchedTrainingPass;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.net.TrainingBatch;
import org.soundalike.net.SameDiffTrainingPass;
import org.soundalike.net.TrainingPass;
import org.soundalike.net.dnnl.DnnlTrainingPass;

/** The two engines compute the same training step (float), and each refuses what it cannot do. */
class TrainingEngineTest {

  private static final SampleCnnConfig SMALL =
      new SampleCnnConfig("small", 8, List.of(8, 8, 12, 12, 12, 12, 12, 12, 16), 16, 8, 5, 7);

  private static TrainingBatch batch(DataType type) {
    Nd4j.getRandom().setSeed(31);
    return new TrainingBatch(
        Nd4j.rand(DataType.DOUBLE, 3, AudioSpec.EXCERPT_SAMPLES).subi(0.5).castTo(type),
        Nd4j.rand(DataType.DOUBLE, 3, AudioSpec.EXCERPT_SAMPLES).subi(0.5).castTo(type),
        Nd4j.create(new double[][] {{1, 0, 1, 0, 0, 1, 0}, {0, 1, 0, 0, 1, 0, 0}, {1, 1, 0, 0, 0, 0, 1}}).castTo(type),
        new boolean[] {true, false, true});
  }

  /** Losses, gradients (copied: a pass may reuse its buffers) and running averages after one pass. */
  private record Step(double total, double metricLearning, double selfSupervised,
      Map<String, INDArray> gradients, Map<String, INDArray> running) {}

  private static Step step(TrainingEngine engine, DataType type) {
    NetworkParameters parameters = NetworkParameters.initialize(SMALL, type, 5);
    try (TrainingPass pass = engine.build(parameters, 3, 0)) {
      TrainingPass.Result result = pass.computeGradients(batch(type), 0.25);
      Map<String, INDArray> gradients = new java.util.HashMap<>();
      result.gradients().forEach((name, g) -> gradients.put(name, g.dup()));
      return new Step(result.losses().total(), result.losses().metricLearning(), result.losses().selfSupervised(),
          gradients, parameters.runningStatistics());
    }
  }

  /**
   * Both float engines against the SameDiff pass in double precision (the exact computation), and
   * so against each other. Tolerances are relative to the largest entry of each gradient: float
   * sums over the 2B × 19,683 batch-norm values of the early layers (with cancellation in dβ =
   * Σ dy) leave differences up to ~7e-3 of that on this network.
   */
  @Test
  void dnnlAndSameDiffGiveTheSameLossesGradientsAndRunningAverages() {
    Step exact = step(TrainingEngine.SAMEDIFF, DataType.DOUBLE);
    Step samediff = step(TrainingEngine.SAMEDIFF, DataType.FLOAT);
    Step dnnl = step(TrainingEngine.DNNL, DataType.FLOAT);

    for (Step single : List.of(samediff, dnnl)) {
      String engine = single == dnnl ? "dnnl " : "samediff ";
      assertThat(single.metricLearning()).isPositive().isCloseTo(exact.metricLearning(), Offset.offset(1e-4));
      assertThat(single.selfSupervised()).isPositive().isCloseTo(exact.selfSupervised(), Offset.offset(1e-4));
      assertThat(single.total()).isCloseTo(exact.total(), Offset.offset(1e-4));
      assertThat(single.gradients().keySet()).containsExactlyInAnyOrderElementsOf(exact.gradients().keySet());
      exact.gradients().forEach((name, expected) -> assertClose(engine + "d" + name, single.gradients().get(name), expected, 1e-2));
      exact.running().forEach((name, expected) -> assertClose(engine + name, single.running().get(name), expected, 1e-4));
    }
    assertThat(dnnl.total()).isCloseTo(samediff.total(), Offset.offset(1e-4));
    samediff.gradients().forEach((name, expected) -> assertClose("dnnl vs samediff d" + name, dnnl.gradients().get(name), expected, 1e-2));
  }

  @Test
  void theDnnlEngineGivesTheSameLossesForTheSameSeedStepForStep() {
    List<Double> first = trainedLosses();
    List<Double> second = trainedLosses();

    assertThat(second).isEqualTo(first);
    assertThat(first).doesNotHaveDuplicates();
  }

  private static List<Double> trainedLosses() {
    NetworkParameters parameters = NetworkParameters.initialize(SMALL, DataType.FLOAT, 9);
    try (TrainingPass pass = TrainingEngine.DNNL.build(parameters, 3, 0)) {
      Trainer trainer = new Trainer(pass, OptimizerSettings.FINE_TUNE, Trainer.everything(pass), 1.0);
      TrainingBatch batch = batch(DataType.FLOAT);
      return List.of(trainer.step(batch).total(), trainer.step(batch).total(), trainer.step(batch).total());
    }
  }

  @Test
  void eachEngineBuildsItsOwnPass() {
    NetworkParameters single = NetworkParameters.initialize(SMALL, DataType.FLOAT, 1);
    try (TrainingPass dnnl = TrainingEngine.DNNL.build(single, 2, 4);
        TrainingPass whole = TrainingEngine.SAMEDIFF.build(single, 2, 0);
        TrainingPass sliced = TrainingEngine.SAMEDIFF.build(single, 2, 2)) {
      assertThat(dnnl).isInstanceOf(DnnlTrainingPass.class);
      assertThat(whole).isInstanceOf(SameDiffTrainingPass.class);
      assertThat(sliced).isInstanceOf(MicroBatchedTrainingPass.class);
    }
  }

  @Test
  void theDnnlEngineRefusesDoublePrecisionAndMicroBatches() {
    assertThatThrownBy(() -> TrainingEngine.DNNL.build(NetworkParameters.initialize(SMALL, DataType.DOUBLE, 1), 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("float")
        .hasMessageContaining("--engine samediff");
    assertThatThrownBy(() -> TrainingEngine.DNNL.build(NetworkParameters.initialize(SMALL, DataType.FLOAT, 1), 4, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("views per slice (2)");
    TrainingSettings defaults = TrainingSettings.defaults(SampleCnnConfig.TINY, Variant.SUPERVISED_ONLY, null, 1, 1, null);
    assertThat(defaults.engine()).isEqualTo(TrainingEngine.forBackend());
    assertThatThrownBy(() -> defaults.withEngine(TrainingEngine.DNNL).withBatch(8, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs --engine samediff");
    assertThat(defaults.withEngine(TrainingEngine.SAMEDIFF).withBatch(8, 4).viewsPerSlice()).isEqualTo(4);
  }

  @Test
  void settingsWithoutAnEngineAreSameDiffRunsFromBeforeTheEngineExisted() {
    TrainingSettings old = TrainingSettings.defaults(SampleCnnConfig.TINY, Variant.SUPERVISED_ONLY, null, 1, 1, null)
        .withEngine(null);

    assertThat(old.engine()).isEqualTo(TrainingEngine.SAMEDIFF);
    assertThat(TrainingEngine.named("DnNl")).isEqualTo(TrainingEngine.DNNL);
    assertThatThrownBy(() -> TrainingEngine.named("cuda")).hasMessageContaining("known: dnnl, samediff");
  }
}
