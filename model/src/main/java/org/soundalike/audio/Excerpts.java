package org.soundalike.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The excerpts of one track (METHOD.md "Data and excerpts"): a training view is a crop of {@link
 * AudioSpec#EXCERPT_SAMPLES} samples starting anywhere in {@code 0 .. n - 59049} inclusive, each
 * start equally likely; evaluation uses the non-overlapping windows from the start of the track,
 * dropping the trailing partial window. A track shorter than one excerpt has neither, so it is
 * refused with a {@link TrackTooShortException} instead of being skipped silently.
 */
public final class Excerpts {

  private static final int LENGTH = AudioSpec.EXCERPT_SAMPLES;

  private final float[] samples;

  private Excerpts(float[] samples) {
    this.samples = samples;
  }

  /**
   * The excerpts of a decoded track.
   *
   * @param trackId the catalog id for the error message, or null outside a catalog
   * @throws TrackTooShortException if the track holds less than one excerpt
   */
  public static Excerpts of(String trackId, DecodedAudio audio) {
    return of(trackId, audio.facts().file(), audio.samples());
  }

  /** As {@link #of(String, DecodedAudio)}, for samples from elsewhere ({@code file} names them in errors). */
  public static Excerpts of(String trackId, Path file, float[] samples) {
    requireOneExcerpt(trackId, file, samples.length);
    return new Excerpts(samples);
  }

  /** Throws {@link TrackTooShortException} unless {@code samples} hold at least one excerpt. */
  public static void requireOneExcerpt(String trackId, Path file, long samples) {
    if (samples < LENGTH) {
      throw new TrackTooShortException(trackId, file, samples / (double) AudioSpec.SAMPLE_RATE);
    }
  }

  /** Evaluation windows in a track of {@code samples} samples: ⌊samples / 59049⌋. */
  public static int windowCount(long samples) {
    return (int) (samples / LENGTH);
  }

  /** Valid training-crop starts in a track of {@code samples} samples: {@code samples - 59049 + 1}, or 0. */
  public static long cropStartCount(long samples) {
    return Math.max(0, samples - LENGTH + 1);
  }

  public int length() {
    return samples.length;
  }

  public int windowCount() {
    return windowCount(samples.length);
  }

  /** Evaluation window {@code index} (a copy): samples {@code [index·59049, (index+1)·59049)}. */
  public float[] window(int index) {
    if (index < 0 || index >= windowCount()) {
      throw new IndexOutOfBoundsException("window " + index + " of " + windowCount());
    }
    return crop(index * LENGTH);
  }

  /** All evaluation windows, in order. */
  public List<float[]> windows() {
    List<float[]> windows = new ArrayList<>(windowCount());
    for (int i = 0; i < windowCount(); i++) {
      windows.add(window(i));
    }
    return windows;
  }

  /**
   * A training-crop start drawn uniformly from {@code 0 .. samples - 59049} inclusive, for a track
   * known only by its length (crop it with {@link AudioDecoder#decodeRange}).
   *
   * @throws IllegalArgumentException if the track is shorter than one excerpt
   */
  public static long randomCropStart(long samples, RandomGenerator random) {
    if (samples < LENGTH) {
      throw new IllegalArgumentException(samples + " samples hold no excerpt of " + LENGTH);
    }
    return random.nextLong(cropStartCount(samples));
  }

  /** A training-crop start drawn uniformly from {@code 0 .. length() - 59049} inclusive. */
  public int randomCropStart(RandomGenerator random) {
    return (int) randomCropStart(samples.length, random);
  }

  /** As {@link #randomCropStart(RandomGenerator)}, reproducible from one seed. */
  public int randomCropStart(long seed) {
    return randomCropStart(new SplittableRandom(seed));
  }

  /** A training crop (a copy) at a uniformly random start. */
  public float[] randomCrop(RandomGenerator random) {
    return crop(randomCropStart(random));
  }

  /** The excerpt (a copy) starting at sample {@code start}. */
  public float[] crop(int start) {
    if (start < 0 || start > samples.length - LENGTH) {
      throw new IndexOutOfBoundsException(
          "crop start " + start + " outside 0.." + (samples.length - LENGTH));
    }
    return Arrays.copyOfRange(samples, start, start + LENGTH);
  }
}
