package org.soundalike.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingScheduleTest {

  private final TrainingSchedule schedule = new TrainingSchedule(2, 0.1, 4, 200);

  private static TrainingState state(int epochs, double best, int bestEpoch, int plateau) {
    return new TrainingState(epochs, 1e-3, best, bestEpoch, plateau, 0, List.of(), null);
  }

  @Test
  void theFirstEpochIsAlwaysTheBestSoFar() {
    TrainingSchedule.Decision d = schedule.after(TrainingState.fresh(1e-3), 1, 5.0, 1e-3);
    assertThat(d.improved()).isTrue();
    assertThat(d.bestEpoch()).isEqualTo(1);
    assertThat(d.stopReason()).isNull();
  }

  @Test
  void anImprovementMustBeatTheBestByOneTenThousandth() {
    assertThat(schedule.after(state(1, 1.0, 1, 0), 2, 0.99995, 1e-3).improved()).isFalse();
    assertThat(schedule.after(state(1, 1.0, 1, 0), 2, 0.9998, 1e-3).improved()).isTrue();
  }

  @Test
  void theRateDropsOnceMoreThanPatienceEpochsPassedWithoutImprovement() {
    TrainingSchedule.Decision second = schedule.after(state(2, 1.0, 1, 1), 3, 1.5, 1e-3);
    assertThat(second.reduced()).isFalse();
    assertThat(second.plateauEpochs()).isEqualTo(2);
    TrainingSchedule.Decision third = schedule.after(state(3, 1.0, 1, 2), 4, 1.5, 1e-3);
    assertThat(third.reduced()).isTrue();
    assertThat(third.learningRate()).isEqualTo(1e-4, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(third.plateauEpochs()).isZero();
  }

  @Test
  void stopsEarlyAfterPatienceEpochsWithoutImprovementAndAtTheEpochLimit() {
    assertThat(schedule.after(state(4, 1.0, 1, 0), 5, 1.5, 1e-3).stopReason())
        .isEqualTo("early stop (4 epochs without improvement)");
    TrainingSchedule short_ = new TrainingSchedule(0, 0.1, 0, 3);
    assertThat(short_.after(state(2, 1.0, 2, 0), 3, 0.5, 1e-3).stopReason()).isEqualTo("max epochs (3)");
    assertThat(short_.canExtend(new TrainingState(3, 1e-3, 0.5, 3, 0, 0, List.of(), "max epochs (3)"))).isFalse();
    assertThat(new TrainingSchedule(0, 0.1, 0, 5)
        .canExtend(new TrainingState(3, 1e-3, 0.5, 3, 0, 0, List.of(), "max epochs (3)"))).isTrue();
  }
}
