package org.soundalike.corpus;

/**
 * What defines a demo corpus (with the soundbank): same parameters and same bank give the same
 * bytes.
 *
 * @param tracks number of tracks
 * @param seconds length of each track
 * @param seed seeds the pieces, the splits and the label noise
 * @param labelNoise fraction of training tags replaced by wrong ones (0 = labels are the truth)
 * @param design which corpus the seed draws (v1, the default, or v2)
 */
public record CorpusParameters(int tracks, double seconds, long seed, double labelNoise, CorpusDesign design) {

  /**
   * 300 tracks of 20 s (100 min of audio, 7 evaluation excerpts per track): small enough that the
   * end-to-end demo trains several SampleCNN runs on 2 CPU cores in about 15 minutes.
   */
  public static final int DEFAULT_TRACKS = 300;

  public static final double DEFAULT_SECONDS = 20;
  public static final long DEFAULT_SEED = 42;

  /** Corpus v1. */
  public CorpusParameters(int tracks, double seconds, long seed, double labelNoise) {
    this(tracks, seconds, seed, labelNoise, CorpusDesign.V1);
  }

  public CorpusParameters {
    java.util.Objects.requireNonNull(design, "design");
    if (tracks < 1) {
      throw new IllegalArgumentException("the corpus needs at least one track, not " + tracks);
    }
    if (!(seconds >= 1 && seconds <= 600)) {
      throw new IllegalArgumentException("track length " + seconds + " s is outside 1..600 s");
    }
    if (!(labelNoise >= 0 && labelNoise <= 1)) {
      throw new IllegalArgumentException("label noise " + labelNoise + " is not a fraction in [0, 1]");
    }
  }

  public static CorpusParameters defaults() {
    return new CorpusParameters(DEFAULT_TRACKS, DEFAULT_SECONDS, DEFAULT_SEED, 0);
  }
}
