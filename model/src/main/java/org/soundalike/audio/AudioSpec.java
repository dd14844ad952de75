package org.soundalike.audio;

/** The audio format the whole method works in (METHOD.md "Data and excerpts"). */
public final class AudioSpec {

  /** Mono float PCM in [-1, 1] at this rate. */
  public static final int SAMPLE_RATE = 22_050;

  /** One excerpt: 3^10 samples, about 2.68 s, the SampleCNN input length. */
  public static final int EXCERPT_SAMPLES = 59_049;

  public static double excerptSeconds() {
    return EXCERPT_SAMPLES / (double) SAMPLE_RATE;
  }

  private AudioSpec() {}
}
