package org.soundalike.augment;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.soundalike.audio.AudioSpec;
import uk.me.berndporr.iirj.Butterworth;

/**
 * Step 4: a low-pass or a high-pass (50/50) with its cut-off drawn uniformly in its range.
 *
 * <p>Neither paper gives the filter's order. The reference code uses julius' windowed-sinc
 * filters, whose transition band is narrow; an 8th-order Butterworth (48 dB per octave, from
 * iirj) comes close to that steepness while staying a cheap recursive filter with a flat pass
 * band.
 */
public final class HighLowPass implements Augmentation {

  static final int ORDER = 8;

  private final AugmentationPreset.Filter range;

  public HighLowPass(AugmentationPreset.Filter range) {
    this.range = range;
  }

  @Override
  public AugmentationStep step() {
    return AugmentationStep.FILTER;
  }

  @Override
  public AppliedAugmentation apply(float[] audio, RandomGenerator random) {
    if (random.nextBoolean()) {
      double cutoffHz = Draws.uniform(random, range.lowPassMinHz(), range.lowPassMaxHz());
      lowPass(audio, cutoffHz);
      return new AppliedAugmentation(step(), Map.of("lowPassHz", cutoffHz));
    }
    double cutoffHz = Draws.uniform(random, range.highPassMinHz(), range.highPassMaxHz());
    highPass(audio, cutoffHz);
    return new AppliedAugmentation(step(), Map.of("highPassHz", cutoffHz));
  }

  public static void lowPass(float[] audio, double cutoffHz) {
    checkCutoff(cutoffHz);
    Butterworth filter = new Butterworth();
    filter.lowPass(ORDER, AudioSpec.SAMPLE_RATE, cutoffHz);
    run(filter, audio);
  }

  public static void highPass(float[] audio, double cutoffHz) {
    checkCutoff(cutoffHz);
    Butterworth filter = new Butterworth();
    filter.highPass(ORDER, AudioSpec.SAMPLE_RATE, cutoffHz);
    run(filter, audio);
  }

  private static void run(Butterworth filter, float[] audio) {
    for (int i = 0; i < audio.length; i++) {
      audio[i] = (float) filter.filter(audio[i]);
    }
  }

  private static void checkCutoff(double cutoffHz) {
    if (!(cutoffHz > 0.0 && cutoffHz < AudioSpec.SAMPLE_RATE / 2.0)) {
      throw new AugmentationException(
          "filter cut-off " + cutoffHz + " Hz is not between 0 and the Nyquist frequency "
              + AudioSpec.SAMPLE_RATE / 2 + " Hz");
    }
  }
}
