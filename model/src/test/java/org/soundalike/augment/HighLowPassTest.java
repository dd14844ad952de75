package org.soundalike.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Butterworth cut-off is its -3 dB point, so the stop band is measured from a third of an
 * octave past it (1.25 × the cut-off for the low-pass, 0.8 × for the high-pass).
 */
class HighLowPassTest {

  private static final double NYQUIST = Signals.RATE / 2;

  @ParameterizedTest
  @ValueSource(doubles = {2200, 3100, 4000})
  void lowPassAttenuatesWhiteNoiseAboveTheCutoffByAtLeast20Db(double cutoffHz) {
    float[] x = Signals.whiteNoise(7, Signals.N, 0.2);
    float[] y = x.clone();

    HighLowPass.lowPass(y, cutoffHz);

    double[] before = Signals.powerSpectrum(x);
    double[] after = Signals.powerSpectrum(y);
    double stopBand = decibels(after, before, 1.25 * cutoffHz, NYQUIST + 1);
    double passBand = decibels(after, before, 0, 0.5 * cutoffHz);
    assertThat(stopBand).isLessThanOrEqualTo(-20.0);
    assertThat(passBand).isBetween(-1.0, 1.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {200, 700, 1200})
  void highPassAttenuatesWhiteNoiseBelowTheCutoffByAtLeast20Db(double cutoffHz) {
    float[] x = Signals.whiteNoise(8, Signals.N, 0.2);
    float[] y = x.clone();

    HighLowPass.highPass(y, cutoffHz);

    double[] before = Signals.powerSpectrum(x);
    double[] after = Signals.powerSpectrum(y);
    double stopBand = decibels(after, before, 0, 0.8 * cutoffHz);
    double passBand = decibels(after, before, 2 * cutoffHz, NYQUIST + 1);
    assertThat(stopBand).isLessThanOrEqualTo(-20.0);
    assertThat(passBand).isBetween(-1.0, 1.0);
  }

  @Test
  void drawsLowOrHighPassEvenlyWithCutoffsInTheirRanges() {
    AugmentationPreset.Filter range = AugmentationPreset.PAPER.filter();
    HighLowPass filter = new HighLowPass(range);
    SplittableRandom random = new SplittableRandom(11);
    int lowPasses = 0;
    int draws = 400;
    for (int i = 0; i < draws; i++) {
      AppliedAugmentation applied = filter.apply(new float[256], random);
      if (applied.parameters().containsKey("lowPassHz")) {
        lowPasses++;
        assertThat(applied.parameter("lowPassHz")).isBetween(range.lowPassMinHz(), range.lowPassMaxHz());
      } else {
        assertThat(applied.parameter("highPassHz")).isBetween(range.highPassMinHz(), range.highPassMaxHz());
      }
    }
    // Binomial(400, 0.5): standard deviation 10; 4.5 of them either side.
    assertThat(lowPasses).isBetween(155, 245);
  }

  private static double decibels(double[] after, double[] before, double fromHz, double toHz) {
    return 10 * Math.log10(
        Signals.bandEnergy(after, Signals.N, fromHz, toHz) / Signals.bandEnergy(before, Signals.N, fromHz, toHz));
  }
}
