package org.soundalike.augment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.soundalike.audio.AudioSpec;

/**
 * Step 5: add a copy of the excerpt delayed by one of the preset's delays, at the preset's volume
 * (an echo). The echo starts silent: the excerpt has no audio before its first sample.
 */
public final class Delay implements Augmentation {

  private final AugmentationPreset.Delay spec;

  public Delay(AugmentationPreset.Delay spec) {
    if (spec.millis().isEmpty()) {
      throw new AugmentationException("delay preset has no delays to draw from");
    }
    this.spec = spec;
  }

  @Override
  public AugmentationStep step() {
    return AugmentationStep.DELAY;
  }

  @Override
  public AppliedAugmentation apply(float[] audio, RandomGenerator random) {
    int millis = spec.millis().get(random.nextInt(spec.millis().size()));
    int lag = samplesFor(millis);
    addEcho(audio, lag, spec.volume(), spec.mixScale());
    Map<String, Double> drawn = new LinkedHashMap<>();
    drawn.put("delayMs", (double) millis);
    drawn.put("delaySamples", (double) lag);
    drawn.put("volume", spec.volume());
    drawn.put("mixScale", spec.mixScale());
    return new AppliedAugmentation(step(), drawn);
  }

  /** Whole samples in {@code millis} ms, rounded down like the reference code (250 ms = 5512). */
  public static int samplesFor(int millis) {
    return (int) Math.floor(millis * (double) AudioSpec.SAMPLE_RATE / 1000.0);
  }

  /** audio[i] = mixScale · (audio[i] + volume · audio[i - lag]), in place. */
  public static void addEcho(float[] audio, int lag, double volume, double mixScale) {
    if (lag <= 0) {
      throw new AugmentationException("delay must be at least one sample, got " + lag);
    }
    // Backwards, so audio[i - lag] is still the original sample when it is read.
    for (int i = audio.length - 1; i >= lag; i--) {
      audio[i] = (float) (mixScale * (audio[i] + volume * audio[i - lag]));
    }
    if (mixScale != 1.0) {
      for (int i = Math.min(lag, audio.length) - 1; i >= 0; i--) {
        audio[i] = (float) (mixScale * audio[i]);
      }
    }
  }
}
