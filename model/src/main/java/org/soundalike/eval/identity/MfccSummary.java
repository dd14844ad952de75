package org.soundalike.eval.identity;

import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;
import be.tarsos.dsp.mfcc.MFCC;
import java.util.Arrays;
import org.soundalike.audio.AudioSpec;

/**
 * The plain baseline every identity report shows beside the model: the mean and standard
 * deviation of 20 MFCCs over the whole track (40 numbers). MFCCs by TarsosDSP: 2,048-sample
 * Hamming frames every 1,024 samples at 22,050 Hz, 40 mel bands from 20 Hz to 11 kHz.
 */
public final class MfccSummary {

  public static final int COEFFICIENTS = 20;
  private static final int FRAME = 2048;
  private static final int HOP = 1024;

  private MfccSummary() {}

  /** Means of the 20 coefficients, then their standard deviations; zeros for a track shorter than a frame. */
  public static float[] of(float[] samples) {
    MFCC mfcc = new MFCC(FRAME, AudioSpec.SAMPLE_RATE, COEFFICIENTS, 40, 20f, 11_000f);
    AudioEvent event = new AudioEvent(new TarsosDSPAudioFormat(AudioSpec.SAMPLE_RATE, 16, 1, true, false));
    double[] sum = new double[COEFFICIENTS];
    double[] squares = new double[COEFFICIENTS];
    int frames = 0;
    for (int start = 0; start + FRAME <= samples.length; start += HOP) {
      event.setFloatBuffer(Arrays.copyOfRange(samples, start, start + FRAME));
      mfcc.process(event);
      float[] c = mfcc.getMFCC();
      for (int i = 0; i < COEFFICIENTS; i++) {
        sum[i] += c[i];
        squares[i] += (double) c[i] * c[i];
      }
      frames++;
    }
    float[] out = new float[2 * COEFFICIENTS];
    for (int i = 0; frames > 0 && i < COEFFICIENTS; i++) {
      double mean = sum[i] / frames;
      out[i] = (float) mean;
      out[COEFFICIENTS + i] = (float) Math.sqrt(Math.max(0, squares[i] / frames - mean * mean));
    }
    return out;
  }
}
