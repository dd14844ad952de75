package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class DelayTest {

  @Test
  void autocorrelationPeaksAtTheDrawnLag() {
    for (AugmentationPreset preset : AugmentationPreset.ALL) {
      Delay delay = new Delay(preset.delay());
      for (long seed = 0; seed < 12; seed++) {
        float[] y = Signals.whiteNoise(100 + seed, Signals.N, 0.2);

        AppliedAugmentation applied = delay.apply(y, new SplittableRandom(seed));

        int lag = (int) applied.parameter("delaySamples");
        assertThat(preset.delay().millis()).contains((int) applied.parameter("delayMs"));
        assertThat(lag).isEqualTo(Delay.samplesFor((int) applied.parameter("delayMs")));
        assertThat(strongestLag(y)).isEqualTo(lag);
      }
    }
  }

  @Test
  void addsTheDelayedCopyAtItsVolumeAndScalesTheSum() {
    float[] y = {1, 0, 0, 0, 0};

    Delay.addEcho(y, 2, 0.5, 0.5);

    assertThat(y).containsExactly(0.5f, 0f, 0.25f, 0f, 0f);
  }

  @Test
  void convertsMillisecondsToWholeSamplesRoundingDown() {
    assertThat(Delay.samplesFor(200)).isEqualTo(4410);
    assertThat(Delay.samplesFor(250)).isEqualTo(5512);
    assertThat(Delay.samplesFor(500)).isEqualTo(11025);
  }

  @Test
  void echoVolumeShowsInTheAutocorrelation() {
    float[] x = Signals.whiteNoise(5, Signals.N, 0.2);
    float[] y = x.clone();
    int lag = Delay.samplesFor(300);

    Delay.addEcho(y, lag, 0.5, 1.0);

    // For white noise x and y = x + 0.5·x(t - lag), where the echo exists only for t >= lag:
    // r(lag) / r(0) = 0.5·(n - lag) / (n + 0.25·(n - lag)).
    int n = y.length;
    double expected = 0.5 * (n - lag) / (n + 0.25 * (n - lag));
    double[] r = autocorrelation(y);
    assertThat(r[lag] / r[0]).isCloseTo(expected, within(0.01));
  }

  private static int strongestLag(float[] y) {
    double[] r = autocorrelation(y);
    int best = 1;
    for (int k = 2; k < y.length / 2; k++) {
      if (r[k] > r[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Linear (not circular) autocorrelation through a zero-padded FFT. */
  private static double[] autocorrelation(float[] y) {
    int size = Integer.highestOneBit(2 * y.length - 1) << 1;
    double[] a = new double[2 * size];
    for (int i = 0; i < y.length; i++) {
      a[2 * i] = y[i];
    }
    DoubleFFT_1D fft = new DoubleFFT_1D(size);
    fft.complexForward(a);
    for (int k = 0; k < size; k++) {
      double re = a[2 * k];
      double im = a[2 * k + 1];
      a[2 * k] = re * re + im * im;
      a[2 * k + 1] = 0;
    }
    fft.complexInverse(a, true);
    double[] r = new double[y.length];
    for (int k = 0; k < y.length; k++) {
      r[k] = a[2 * k];
    }
    return r;
  }
}
