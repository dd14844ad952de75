package org.soundalike.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.audio.AudioSpec;
import org.soundalike.net.BatchNormKind;
import org.soundalike.net.LossValues;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.net.TrainingBatch;
import org.soundalike.net.SameDiffTrainingPass;

class TrainerTest {

  private static final SampleCnnConfig TINY =
      new SampleCnnConfig("tiny", 2, List.of(2, 2, 3, 3, 3, 3, 3, 3, 4), 4, 5, 3, 6);

  private static List<TrainingBatch> batches(int count) {
    Nd4j.getRandom().setSeed(99);
    List<TrainingBatch> batches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batches.add(new TrainingBatch(
          Nd4j.rand(DataType.FLOAT, 2, AudioSpec.EXCERPT_SAMPLES).subi(0.5),
          Nd4j.rand(DataType.FLOAT, 2, AudioSpec.EXCERPT_SAMPLES).subi(0.5),
          Nd4j.rand(DataType.FLOAT, 2, TINY.tags()).gt(0.5).castTo(DataType.FLOAT),
          new boolean[] {true, i % 2 == 0}));
    }
    return batches;
  }

  private static List<Double> run(long seed, List<TrainingBatch> batches) {
    SameDiffTrainingPass pass = SameDiffTrainingPass.build(
        NetworkParameters.initialize(TINY, DataType.FLOAT, seed), 2, BatchNormKind.FUSED);
    Trainer trainer = new Trainer(pass, OptimizerSettings.FINE_TUNE, Trainer.everything(pass), 1.0);
    List<Double> losses = new ArrayList<>();
    for (TrainingBatch batch : batches) {
      losses.add(trainer.step(batch).total());
    }
    return losses;
  }

  @Test
  void theSameSeedGivesTheSameLossesStepForStep() {
    List<TrainingBatch> batches = batches(3);

    List<Double> first = run(17, batches);
    List<Double> second = run(17, batches);

    assertThat(second).isEqualTo(first);
    assertThat(first).doesNotHaveDuplicates();
  }

  @Test
  void aNonFiniteLossStopsBeforeTheParametersChange() {
    NetworkParameters parameters = NetworkParameters.initialize(TINY, DataType.FLOAT, 1);
    SameDiffTrainingPass pass = SameDiffTrainingPass.build(parameters, 2, BatchNormKind.FUSED);
    Trainer trainer = new Trainer(pass, OptimizerSettings.FINE_TUNE, Trainer.everything(pass), 1.0);
    INDArray audio = Nd4j.rand(DataType.FLOAT, 2, AudioSpec.EXCERPT_SAMPLES);
    audio.putScalar(0, 7, Float.NaN);
    TrainingBatch poisoned = new TrainingBatch(
        audio, audio.dup(), Nd4j.zeros(DataType.FLOAT, 2, TINY.tags()), new boolean[] {true, true});
    INDArray before = parameters.trainable().get("stem.w").dup();

    assertThatThrownBy(() -> trainer.step(poisoned))
        .isInstanceOf(TrainingException.class)
        .hasMessageContaining("step 1: loss is not finite");
    assertThat(parameters.trainable().get("stem.w")).isEqualTo(before);
    assertThat(trainer.steps()).isZero();
  }

  @Test
  void onlyTheNamedParametersAreTrained() {
    NetworkParameters parameters = NetworkParameters.initialize(TINY, DataType.FLOAT, 1);
    SameDiffTrainingPass pass = SameDiffTrainingPass.build(parameters, 2, BatchNormKind.FUSED);
    Trainer headOnly = new Trainer(pass, OptimizerSettings.FINE_TUNE, Set.of("tags.w"), 0.0);
    INDArray encoderBefore = parameters.trainable().get("block3.w").dup();
    INDArray headBefore = parameters.trainable().get("tags.w").dup();

    LossValues losses = headOnly.step(batches(1).get(0));

    assertThat(losses.isFinite()).isTrue();
    assertThat(parameters.trainable().get("block3.w")).isEqualTo(encoderBefore);
    assertThat(parameters.trainable().get("tags.w")).isNotEqualTo(headBefore);
  }
}
