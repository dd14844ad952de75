package org.soundalike.audio;

import java.util.SplittableRandom;

/**
 * A deterministic stereo signal with the traits of music that matter to codecs and resamplers:
 * chords with harmonics, a plucked bass, a pentatonic melody, kick, snare and hi-hat noise, energy
 * up to the top of the spectrum and stereo differences. 120 bpm over a I-V-vi-IV progression.
 * Produced chunk by chunk, so files of any length cost one chunk of memory.
 */
public final class MusicLikeSignal {

  private static final double BPM = 120;
  private static final int[][] CHORDS = {{60, 64, 67}, {55, 59, 62}, {57, 60, 64}, {53, 57, 60}};
  private static final int[] PENTATONIC = {0, 2, 4, 7, 9};
  private static final int TABLE_SIZE = 4096;
  /** One cycle of a bright waveform: eight harmonics falling as 1/h, like a soft sawtooth. */
  private static final float[] WAVE = waveTable(8);
  private static final float[] SINE = waveTable(1);

  private final int sampleRate;
  private final SplittableRandom noise;
  private final long melodySeed;
  private long position;
  private final double[] padPhase = new double[6];
  private double bassPhase;
  private double leadPhase;
  private double kickPhase;
  private double hatState;
  private int melodyStep = -1;
  private double leadHz;

  public MusicLikeSignal(int sampleRate, long seed) {
    this.sampleRate = sampleRate;
    this.noise = new SplittableRandom(seed);
    this.melodySeed = seed * 31 + 7;
  }

  /** The next {@code length} samples as {@code [left, right]}, values within [-1, 1]. */
  public float[][] next(int length) {
    float[] left = new float[length];
    float[] right = new float[length];
    double beatSamples = sampleRate * 60.0 / BPM;
    for (int i = 0; i < length; i++, position++) {
      double beats = position / beatSamples;
      int beat = (int) beats;
      double sinceBeat = (beats - beat) * 60.0 / BPM;
      int halfBeat = (int) (beats * 2);
      double sinceHalf = (beats * 2 - halfBeat) * 30.0 / BPM;
      int[] chord = CHORDS[(beat / 4) % CHORDS.length];

      double padLeft = 0;
      double padRight = 0;
      for (int n = 0; n < 3; n++) {
        double hz = midi(chord[n]);
        padLeft += 0.06 * wave(padPhase, n, hz * 0.998);
        padRight += 0.06 * wave(padPhase, n + 3, hz * 1.002);
      }
      bassPhase = advance(bassPhase, midi(chord[0] - 24));
      double bass = 0.25 * Math.exp(-sinceBeat * 4) * lookup(WAVE, bassPhase);
      if (halfBeat != melodyStep) {
        melodyStep = halfBeat;
        int note = new SplittableRandom(melodySeed + halfBeat).nextInt(PENTATONIC.length * 2);
        leadHz = midi(72 + PENTATONIC[note % PENTATONIC.length] + 12 * (note / PENTATONIC.length));
      }
      leadPhase = advance(leadPhase, leadHz);
      double lead = 0.12 * Math.exp(-sinceHalf * 6) * lookup(WAVE, leadPhase);

      double drums = 0;
      if (beat % 2 == 0) {
        kickPhase = advance(kickPhase, 50 + 70 * Math.exp(-sinceBeat * 30));
        drums += 0.5 * Math.exp(-sinceBeat * 12) * lookup(SINE, kickPhase);
      } else {
        drums += 0.25 * Math.exp(-sinceBeat * 20) * (2 * noise.nextDouble() - 1);
      }
      double white = 2 * noise.nextDouble() - 1;
      double hat = white - hatState; // first difference: noise tilted towards the top octaves
      hatState = white;
      drums += 0.08 * Math.exp(-sinceHalf * 60) * hat;

      left[i] = (float) clip(padLeft + bass + 0.7 * lead + drums);
      right[i] = (float) clip(padRight + bass + 0.3 * lead + drums);
    }
    return new float[][] {left, right};
  }

  private double wave(double[] phases, int voice, double hz) {
    phases[voice] = advance(phases[voice], hz);
    return lookup(WAVE, phases[voice]);
  }

  private double advance(double phase, double hz) {
    double next = phase + hz / sampleRate;
    return next - Math.floor(next);
  }

  private static double lookup(float[] table, double phase) {
    double index = phase * TABLE_SIZE;
    int i = (int) index;
    double fraction = index - i;
    return table[i % TABLE_SIZE] * (1 - fraction) + table[(i + 1) % TABLE_SIZE] * fraction;
  }

  private static double midi(int note) {
    return 440 * Math.pow(2, (note - 69) / 12.0);
  }

  private static double clip(double v) {
    return Math.max(-1, Math.min(1, v));
  }

  private static float[] waveTable(int harmonics) {
    float[] table = new float[TABLE_SIZE];
    double peak = 0;
    for (int i = 0; i < TABLE_SIZE; i++) {
      double sum = 0;
      for (int h = 1; h <= harmonics; h++) {
        sum += Math.sin(2 * Math.PI * h * i / TABLE_SIZE) / h;
      }
      table[i] = (float) sum;
      peak = Math.max(peak, Math.abs(sum));
    }
    for (int i = 0; i < TABLE_SIZE; i++) {
      table[i] /= (float) peak;
    }
    return table;
  }
}
