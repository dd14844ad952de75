package org.soundalike.augment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The CLMR augmentation chain (METHOD.md "Augmentation chain"): seven steps in a fixed order,
 * each applied independently with its preset probability. Thread-safe and stateless between
 * calls: every call draws from its own generator, seeded by the caller (the pipelines seed by
 * track, epoch and view with {@link AugmentationSeed}).
 *
 * <p>The output is always finite and within [-1, 1] (the project's float PCM contract). Delay
 * and reverb add energy and can push peaks past 1; the chain then scales the whole view down so
 * its peak is exactly 1 and records that gain as a {@link AugmentationStep#PEAK_NORMALISATION}.
 * A uniform scale is a pure gain change, which the chain already draws on purpose; clipping
 * instead would add distortion, an eighth augmentation the method does not have.
 */
public final class AugmentationChain implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AugmentationPreset preset;
  // Rebuilt from the preset on deserialisation (readResolve), so a Beam DoFn can hold the chain.
  private final transient List<Augmentation> steps;

  public AugmentationChain(AugmentationPreset preset) {
    this.preset = preset;
    this.steps =
        List.of(
            new PolarityInversion(),
            new WhiteNoise(preset.noise().level()),
            new Gain(preset.gain()),
            new HighLowPass(preset.filter()),
            new Delay(preset.delay()),
            new PitchShift(preset.pitch()),
            new Reverb(preset.reverb()));
  }

  private Object readResolve() {
    return new AugmentationChain(preset);
  }

  /** The chain of the paper's preset. */
  public static AugmentationChain paper() {
    return new AugmentationChain(AugmentationPreset.PAPER);
  }

  public AugmentationPreset preset() {
    return preset;
  }

  /** The seven steps in chain order (for measuring them one by one). */
  public List<Augmentation> steps() {
    return steps;
  }

  /**
   * An augmented view of {@code excerpt} (which is not modified). The same excerpt, preset and
   * seed always give the same view.
   */
  public AugmentedExcerpt augment(float[] excerpt, long seed) {
    return augment(excerpt, seed, new SplittableRandom(seed));
  }

  private AugmentedExcerpt augment(float[] excerpt, long seed, RandomGenerator random) {
    checkFinite(excerpt);
    float[] audio = excerpt.clone();
    List<AppliedAugmentation> applied = new ArrayList<>();
    for (Augmentation step : steps) {
      // One draw decides each step, in chain order, and the step's parameters come from the same
      // generator: the whole view is a function of the excerpt, the preset and the seed.
      if (random.nextDouble() < preset.probability(step.step())) {
        applied.add(step.apply(audio, random));
      }
    }
    normalisePeak(audio).ifPresent(applied::add);
    checkOutput(audio, seed, applied);
    return new AugmentedExcerpt(audio, applied, preset.name(), seed);
  }

  /** Scales {@code audio} in place so its peak is 1 if it exceeds 1; reports the gain applied. */
  static Optional<AppliedAugmentation> normalisePeak(float[] audio) {
    double peak = 0.0;
    for (float v : audio) {
      peak = Math.max(peak, Math.abs(v));
    }
    if (peak <= 1.0) {
      return Optional.empty();
    }
    double scale = 1.0 / peak;
    for (int i = 0; i < audio.length; i++) {
      // Rounding to float can land a hair above 1; the clamp removes only that rounding.
      audio[i] = (float) Math.max(-1.0, Math.min(1.0, audio[i] * scale));
    }
    Map<String, Double> drawn = new LinkedHashMap<>();
    drawn.put("gainDb", 20.0 * Math.log10(scale));
    drawn.put("inputPeak", peak);
    return Optional.of(new AppliedAugmentation(AugmentationStep.PEAK_NORMALISATION, drawn));
  }

  private static void checkFinite(float[] excerpt) {
    for (int i = 0; i < excerpt.length; i++) {
      if (!Float.isFinite(excerpt[i])) {
        throw new AugmentationException(
            "excerpt sample " + i + " of " + excerpt.length + " is " + excerpt[i] + ", not a finite value");
      }
    }
  }

  private static void checkOutput(float[] audio, long seed, List<AppliedAugmentation> applied) {
    for (int i = 0; i < audio.length; i++) {
      if (!Float.isFinite(audio[i])) {
        throw new AugmentationException(
            "augmentation with seed " + seed + " produced " + audio[i] + " at sample " + i + " after " + applied);
      }
    }
  }
}
