package org.soundalike.audio;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Power spectrum of a segment under a 4-term Blackman-Harris window, whose side lobes (-92 dB)
 * sit far below the -60 dB the resampler tests measure.
 */
final class Spectrum {

  private final double[] power;
  private final int sampleRate;
  private final int size;

  Spectrum(float[] signal, int from, int size, int sampleRate) {
    this.size = size;
    this.sampleRate = sampleRate;
    double[] data = new double[size];
    for (int i = 0; i < size; i++) {
      double x = 2 * Math.PI * i / (size - 1);
      double w = 0.35875 - 0.48829 * Math.cos(x) + 0.14128 * Math.cos(2 * x) - 0.01168 * Math.cos(3 * x);
      data[i] = signal[from + i] * w;
    }
    new DoubleFFT_1D(size).realForward(data);
    power = new double[size / 2];
    power[0] = data[0] * data[0];
    for (int k = 1; k < size / 2; k++) {
      power[k] = data[2 * k] * data[2 * k] + data[2 * k + 1] * data[2 * k + 1];
    }
  }

  int bin(double hz) {
    return (int) Math.round(hz * size / sampleRate);
  }

  double frequency(int bin) {
    return bin * (double) sampleRate / size;
  }

  int peakBin() {
    int best = 1;
    for (int k = 1; k < power.length; k++) {
      if (power[k] > power[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Power within {@code halfWidth} bins of {@code hz} (the window's main lobe is 4 bins each side). */
  double powerAround(double hz, int halfWidth) {
    int center = bin(hz);
    double sum = 0;
    for (int k = Math.max(0, center - halfWidth); k <= Math.min(power.length - 1, center + halfWidth); k++) {
      sum += power[k];
    }
    return sum;
  }

  double totalPower() {
    double sum = 0;
    for (double p : power) {
      sum += p;
    }
    return sum;
  }

  /** The strongest single bin outside {@code halfWidth} bins of {@code hz}. */
  double strongestOutside(double hz, int halfWidth) {
    int center = bin(hz);
    double best = 0;
    for (int k = 0; k < power.length; k++) {
      if (Math.abs(k - center) > halfWidth) {
        best = Math.max(best, power[k]);
      }
    }
    return best;
  }
}
