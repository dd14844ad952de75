package org.soundalike.audio;

/**
 * A whole track decoded to mono float PCM in [-1, 1] at {@link AudioSpec#SAMPLE_RATE}, with the
 * facts about its source.
 */
public record DecodedAudio(AudioFacts facts, float[] samples) {

  public double seconds() {
    return facts.seconds();
  }

  public boolean silent() {
    return facts.silent();
  }
}
