package org.soundalike.augment;

import java.util.SplittableRandom;
import org.jtransforms.fft.DoubleFFT_1D;
import org.soundalike.audio.AudioSpec;

/** Test fixtures and measurements: generated signals, power spectra, energies. */
final class Signals {

  static final int N = AudioSpec.EXCERPT_SAMPLES;
  static final double RATE = AudioSpec.SAMPLE_RATE;

  static float[] whiteNoise(long seed, int n, double std) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (std * random.nextGaussian());
    }
    return x;
  }

  static float[] sine(double hz, double amplitude, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
    }
    return x;
  }

  /** A music-like excerpt: a few harmonic tones plus a little noise, peak well below 1. */
  static float[] musicLike(long seed, int n) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n];
    double f0 = 110 + 220 * random.nextDouble();
    for (int i = 0; i < n; i++) {
      double t = i / RATE;
      double v = 0;
      for (int h = 1; h <= 5; h++) {
        v += 0.12 / h * Math.sin(2 * Math.PI * f0 * h * t);
      }
      x[i] = (float) (v + 0.02 * random.nextGaussian());
    }
    return x;
  }

  /** |X(k)|² for k = 0 .. n/2 of the whole signal (no window: white noise needs none). */
  static double[] powerSpectrum(float[] x) {
    int n = x.length;
    double[] a = new double[2 * n];
    for (int i = 0; i < n; i++) {
      a[i] = x[i];
    }
    new DoubleFFT_1D(n).realForwardFull(a);
    double[] p = new double[n / 2 + 1];
    for (int k = 0; k < p.length; k++) {
      p[k] = a[2 * k] * a[2 * k] + a[2 * k + 1] * a[2 * k + 1];
    }
    return p;
  }

  /** Sum of the power spectrum over [fromHz, toHz). */
  static double bandEnergy(double[] spectrum, int n, double fromHz, double toHz) {
    double sum = 0;
    for (int k = 0; k < spectrum.length; k++) {
      double hz = k * RATE / n;
      if (hz >= fromHz && hz < toHz) {
        sum += spectrum[k];
      }
    }
    return sum;
  }

  /** Frequency of the strongest bin, refined by a parabola through its neighbours (Hann window). */
  static double dominantFrequency(float[] x) {
    int n = x.length;
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) (x[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1))));
    }
    double[] p = powerSpectrum(w);
    int best = 1;
    for (int k = 2; k < p.length - 1; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    double l = Math.log(p[best - 1]);
    double c = Math.log(p[best]);
    double r = Math.log(p[best + 1]);
    double offset = 0.5 * (l - r) / (l - 2 * c + r);
    return (best + offset) * RATE / n;
  }

  static double energy(float[] x) {
    double s = 0;
    for (float v : x) {
      s += (double) v * v;
    }
    return s;
  }

  static double rms(float[] x) {
    return Math.sqrt(energy(x) / x.length);
  }

  static double peak(float[] x) {
    double m = 0;
    for (float v : x) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  static boolean allFinite(float[] x) {
    for (float v : x) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  private Signals() {}
}
