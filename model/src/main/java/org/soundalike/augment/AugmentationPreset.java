package org.soundalike.augment;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The ranges and probabilities of the CLMR augmentation chain: the one source of truth for them.
 * METHOD.md makes the paper's values the default and the public reference code's values an
 * option; both are presets here, {@link #PAPER} and {@link #REFERENCE}.
 *
 * <p>Where the two differ: the noise level (paper: an SNR range in dB; reference code: a noise
 * standard deviation drawn as a fraction of the excerpt's own), the gain range, and the delay
 * (the reference code draws from {@code np.arange(200, 500, 50)}, which stops at 450 ms, and
 * halves the sum of the excerpt and its echo).
 */
public record AugmentationPreset(
    String name,
    Polarity polarity,
    Noise noise,
    Gain gain,
    Filter filter,
    Delay delay,
    Pitch pitch,
    Reverb reverb)
    implements Serializable {

  /** Polarity inversion (multiply by -1). */
  public record Polarity(double probability) implements Serializable {}

  /** Additive white Gaussian noise at a level drawn from {@code level}. */
  public record Noise(double probability, NoiseLevel level) implements Serializable {}

  /** How loud the added white noise is, relative to the excerpt. */
  public sealed interface NoiseLevel extends Serializable {}

  /** Signal-to-noise ratio (power, in dB) drawn uniformly in [minDb, maxDb]. */
  public record SnrDb(double minDb, double maxDb) implements NoiseLevel {}

  /**
   * Noise standard deviation drawn uniformly in [min·σ, max·σ] where σ is the excerpt's standard
   * deviation: torchaudio-augmentations' {@code Noise(min_snr, max_snr)}, whose "snr" arguments
   * are amplitude ratios.
   */
  public record RelativeStd(double min, double max) implements NoiseLevel {}

  /** Gain drawn uniformly in [minDb, maxDb]. */
  public record Gain(double probability, double minDb, double maxDb) implements Serializable {}

  /** A low-pass or a high-pass, 50/50, with the cut-off drawn uniformly in its range. */
  public record Filter(
      double probability, double lowPassMinHz, double lowPassMaxHz, double highPassMinHz, double highPassMaxHz)
      implements Serializable {}

  /**
   * Adds a copy delayed by one of {@code millis} at {@code volume}; the sum is multiplied by
   * {@code mixScale}.
   */
  public record Delay(double probability, List<Integer> millis, double volume, double mixScale)
      implements Serializable {
    public Delay {
      millis = List.copyOf(millis);
    }
  }

  /** Pitch shift by a number of semitones drawn uniformly in [minSemitones, maxSemitones]. */
  public record Pitch(double probability, double minSemitones, double maxSemitones) implements Serializable {}

  /** Sox-style reverb; room size, reverberance and damping each drawn uniformly in [0, max]. */
  public record Reverb(double probability, double maxRoomSize, double maxReverberance, double maxDamping)
      implements Serializable {}

  /**
   * The paper's values (METHOD.md). METHOD.md has the paper draw the noise level from an SNR range
   * in dB but gives no bounds, and the papers' own text could not be consulted here; the bounds
   * are the reference code's amplitude ratios 1e-2 and 1e-4 (torchaudio-augmentations
   * {@code Noise(min_snr=0.0001, max_snr=0.01)}, its defaults since 2021-11) expressed as SNR,
   * 40 and 80 dB. So both presets add noise over the same span of levels; the paper preset draws
   * it uniformly in dB, the reference preset uniformly in amplitude. Replace the two numbers
   * here if the paper's are found to differ.
   */
  public static final AugmentationPreset PAPER =
      new AugmentationPreset(
          "paper",
          new Polarity(0.8),
          new Noise(0.01, new SnrDb(40.0, 80.0)),
          new Gain(0.3, -6.0, 0.0),
          new Filter(0.8, 2200.0, 4000.0, 200.0, 1200.0),
          new Delay(0.3, List.of(200, 250, 300, 350, 400, 450, 500), 0.5, 1.0),
          new Pitch(0.6, -7.0, 7.0),
          new Reverb(0.6, 100.0, 100.0, 100.0));

  /**
   * The public reference code: CLMR's config.yaml probabilities (transforms_polarity 0.8,
   * transforms_noise 0.01, transforms_gain 0.3, transforms_filters 0.8, transforms_delay 0.3,
   * transforms_pitch 0.6, transforms_reverb 0.6) with torchaudio-augmentations' defaults, which
   * CLMR's main.py uses: {@code Noise(min_snr=0.0001, max_snr=0.01)} (noise std as a fraction of
   * the signal's std), {@code Gain(min_gain=-20.0, max_gain=-1)}, {@code HighLowPass} 2200..4000
   * / 200..1200 Hz, {@code Delay} over {@code np.arange(200, 500, 50)} ms at volume 0.5 with the
   * sum halved, {@code PitchShift} -7..7 semitones, {@code Reverb} 0..100.
   */
  public static final AugmentationPreset REFERENCE =
      new AugmentationPreset(
          "reference",
          new Polarity(0.8),
          new Noise(0.01, new RelativeStd(1e-4, 1e-2)),
          new Gain(0.3, -20.0, -1.0),
          new Filter(0.8, 2200.0, 4000.0, 200.0, 1200.0),
          new Delay(0.3, List.of(200, 250, 300, 350, 400, 450), 0.5, 0.5),
          new Pitch(0.6, -7.0, 7.0),
          new Reverb(0.6, 100.0, 100.0, 100.0));

  public static final List<AugmentationPreset> ALL = List.of(PAPER, REFERENCE);

  /** The preset called {@code name} ("paper" or "reference", any case). */
  public static AugmentationPreset named(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(p -> p.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new AugmentationException(
                    "unknown augmentation preset '" + name + "': use one of "
                        + ALL.stream().map(AugmentationPreset::name).toList()));
  }

  /** The probability of each step of the chain, in chain order. */
  public double probability(AugmentationStep step) {
    return switch (step) {
      case POLARITY_INVERSION -> polarity.probability();
      case NOISE -> noise.probability();
      case GAIN -> gain.probability();
      case FILTER -> filter.probability();
      case DELAY -> delay.probability();
      case PITCH_SHIFT -> pitch.probability();
      case REVERB -> reverb.probability();
      case PEAK_NORMALISATION -> throw new AugmentationException(
          "peak normalisation is not drawn: the chain applies it whenever its output leaves [-1, 1]");
    };
  }
}
