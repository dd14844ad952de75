package org.soundalike.audio;

import java.util.SplittableRandom;

/** Test signals. */
final class Signals {

  static float[] sine(double hz, double amplitude, int sampleRate, int length) {
    float[] s = new float[length];
    for (int i = 0; i < length; i++) {
      s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate));
    }
    return s;
  }

  /** A tone with some noise: keeps lossy encoders honest (pure sines compress unrealistically). */
  static float[] toneWithNoise(double hz, double amplitude, double noise, int sampleRate, int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] s = sine(hz, amplitude, sampleRate, length);
    for (int i = 0; i < length; i++) {
      s[i] += (float) (noise * (2 * random.nextDouble() - 1));
    }
    return s;
  }

  static double rms(float[] s, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) s[i] * s[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  static double rms(float[] s) {
    return rms(s, 0, s.length);
  }

  static double peak(float[] s) {
    double peak = 0;
    for (float v : s) {
      peak = Math.max(peak, Math.abs(v));
    }
    return peak;
  }

  static double decibels(double ratio) {
    return 20 * Math.log10(ratio);
  }

  private Signals() {}
}
