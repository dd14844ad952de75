package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReverbTest {

  @Test
  void decayTailLengthensWithRoomSize() {
    int previous = 0;
    for (double roomSize : new double[] {0, 10, 30, 60, 100}) {
      float[] impulse = new float[Signals.N];
      impulse[0] = 1f;

      Reverb.process(impulse, roomSize, 70, 50);

      int decay = samplesToDecayBy30Db(impulse);
      assertThat(decay).as("room size %s", roomSize).isGreaterThan(previous);
      previous = decay;
    }
  }

  @Test
  void decayTailLengthensWithReverberance() {
    int previous = 0;
    for (double reverberance : new double[] {0, 40, 80, 100}) {
      float[] impulse = new float[Signals.N];
      impulse[0] = 1f;

      Reverb.process(impulse, 50, reverberance, 50);

      int decay = samplesToDecayBy30Db(impulse);
      assertThat(decay).as("reverberance %s", reverberance).isGreaterThan(previous);
      previous = decay;
    }
  }

  @Test
  void keepsTheDrySignalAndAddsAQuieterWetOne() {
    float[] x = Signals.musicLike(3, Signals.N);
    float[] y = x.clone();

    Reverb.process(y, 50, 50, 50);

    float[] wet = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      wet[i] = y[i] - x[i];
    }
    assertThat(Signals.rms(wet)).isGreaterThan(0.0).isLessThan(Signals.rms(x));
  }

  @Test
  void staysFiniteOnFullScaleInputAtEveryExtreme() {
    float[] fullScale = Signals.whiteNoise(4, Signals.N, 1.0);
    for (int i = 0; i < fullScale.length; i++) {
      fullScale[i] = Math.max(-1f, Math.min(1f, fullScale[i]));
    }
    for (double room : new double[] {0, 100}) {
      for (double reverberance : new double[] {0, 100}) {
        for (double damping : new double[] {0, 100}) {
          float[] y = fullScale.clone();
          Reverb.process(y, room, reverberance, damping);
          assertThat(Signals.allFinite(y)).isTrue();
        }
      }
    }
  }

  @Test
  void drawsEachParameterInZeroToHundred() {
    Reverb reverb = new Reverb(AugmentationPreset.PAPER.reverb());
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < 50; i++) {
      AppliedAugmentation applied = reverb.apply(new float[512], random);
      assertThat(applied.parameter("roomSize")).isBetween(0.0, 100.0);
      assertThat(applied.parameter("reverberance")).isBetween(0.0, 100.0);
      assertThat(applied.parameter("damping")).isBetween(0.0, 100.0);
    }
  }

  @Test
  void rejectsParametersOutsideZeroToHundred() {
    assertThatThrownBy(() -> Reverb.process(new float[8], 120, 50, 50))
        .isInstanceOf(AugmentationException.class)
        .hasMessageContaining("room size 120");
  }

  /** Schroeder backward integration: the first sample where the remaining energy is 30 dB down. */
  private static int samplesToDecayBy30Db(float[] impulseResponse) {
    int n = impulseResponse.length;
    double[] remaining = new double[n];
    double sum = 0;
    for (int i = n - 1; i >= 1; i--) {
      sum += (double) impulseResponse[i] * impulseResponse[i];
      remaining[i] = sum;
    }
    int i = 1;
    while (i < n - 1 && remaining[i] > remaining[1] * 1e-3) {
      i++;
    }
    return i;
  }
}
