package org.soundalike.augment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.soundalike.audio.AudioSpec;

/**
 * Step 7: a sox-style reverb (the Freeverb design sox's {@code reverb} effect uses, which the
 * reference code calls through WavAugment): eight parallel damped comb filters feeding four
 * all-pass filters in series, mixed with the dry excerpt. Written here because no Java Freeverb
 * is on Maven Central and FFmpeg's build has no {@code areverb}.
 *
 * <p>The three parameters run 0..100 as in sox:
 *
 * <ul>
 *   <li>room size scales the comb delay lines from 10 % to 100 % of Freeverb's lengths, so a
 *       bigger room decays over a longer time at the same feedback;
 *   <li>reverberance sets the comb feedback from 0.3 to 0.98, interpolated in log(1 - feedback)
 *       like sox;
 *   <li>damping sets the one-pole low-pass inside each comb loop from 0.2 to 0.5 (sox's range),
 *       so high frequencies die away faster.
 * </ul>
 *
 * The output is dry + wet at sox's default wet gain (0 dB, which is Freeverb's fixed input gain
 * of 0.015), as WavAugment invokes it (not wet-only). The reverb is mono: one comb/all-pass
 * bank, no stereo spread. The excerpt's length is kept, so the tail past its end is cut.
 */
public final class Reverb implements Augmentation {

  /** Freeverb's delay lengths at 44,100 Hz, chosen mutually prime so the echoes do not pile up. */
  private static final int[] COMB_LENGTHS = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};

  private static final int[] ALLPASS_LENGTHS = {225, 341, 441, 556};
  private static final double ALLPASS_FEEDBACK = 0.5;
  private static final double WET_GAIN = 0.015;
  private static final double MIN_FEEDBACK = 0.3;
  private static final double MAX_FEEDBACK = 0.98;

  private final AugmentationPreset.Reverb range;

  public Reverb(AugmentationPreset.Reverb range) {
    this.range = range;
  }

  @Override
  public AugmentationStep step() {
    return AugmentationStep.REVERB;
  }

  @Override
  public AppliedAugmentation apply(float[] audio, RandomGenerator random) {
    double roomSize = Draws.uniform(random, 0.0, range.maxRoomSize());
    double reverberance = Draws.uniform(random, 0.0, range.maxReverberance());
    double damping = Draws.uniform(random, 0.0, range.maxDamping());
    process(audio, roomSize, reverberance, damping);
    Map<String, Double> drawn = new LinkedHashMap<>();
    drawn.put("roomSize", roomSize);
    drawn.put("reverberance", reverberance);
    drawn.put("damping", damping);
    return new AppliedAugmentation(step(), drawn);
  }

  /** Adds the reverb of the excerpt to it, in place; each parameter in [0, 100]. */
  public static void process(float[] audio, double roomSize, double reverberance, double damping) {
    checkPercent("room size", roomSize);
    checkPercent("reverberance", reverberance);
    checkPercent("damping", damping);
    double lengthScale = AudioSpec.SAMPLE_RATE / 44_100.0 * (roomSize / 100.0 * 0.9 + 0.1);
    double feedback =
        1.0 - (1.0 - MIN_FEEDBACK) * Math.pow((1.0 - MAX_FEEDBACK) / (1.0 - MIN_FEEDBACK), reverberance / 100.0);
    double loopDamping = damping / 100.0 * 0.3 + 0.2;

    int n = audio.length;
    double[] wet = new double[n];
    for (int length : COMB_LENGTHS) {
      comb(audio, wet, Math.max(1, (int) Math.round(length * lengthScale)), feedback, loopDamping);
    }
    double allpassScale = AudioSpec.SAMPLE_RATE / 44_100.0;
    for (int length : ALLPASS_LENGTHS) {
      allpass(wet, Math.max(1, (int) Math.round(length * allpassScale)));
    }
    for (int i = 0; i < n; i++) {
      audio[i] = (float) (audio[i] + WET_GAIN * wet[i]);
    }
  }

  /** A feedback comb with a one-pole low-pass in its loop; adds its output to {@code sum}. */
  private static void comb(float[] input, double[] sum, int length, double feedback, double loopDamping) {
    double[] line = new double[length];
    double filterState = 0.0;
    int at = 0;
    for (int i = 0; i < input.length; i++) {
      double delayed = line[at];
      filterState = delayed + (filterState - delayed) * loopDamping;
      line[at] = input[i] + filterState * feedback;
      sum[i] += delayed;
      if (++at == length) {
        at = 0;
      }
    }
  }

  /** Freeverb's all-pass approximation (feedback 0.5), in place. */
  private static void allpass(double[] signal, int length) {
    double[] line = new double[length];
    int at = 0;
    for (int i = 0; i < signal.length; i++) {
      double delayed = line[at];
      double in = signal[i];
      line[at] = in + delayed * ALLPASS_FEEDBACK;
      signal[i] = delayed - in;
      if (++at == length) {
        at = 0;
      }
    }
  }

  private static void checkPercent(String name, double value) {
    if (!(value >= 0.0 && value <= 100.0)) {
      throw new AugmentationException("reverb " + name + " " + value + " is not in [0, 100]");
    }
  }
}
