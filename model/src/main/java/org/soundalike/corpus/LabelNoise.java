package org.soundalike.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.soundalike.dataset.TagSet;

/**
 * Optional wrong labels, to study how training copes with them: each true tag is, with probability
 * {@code rate}, replaced by a vocabulary tag the track does not have. The number of tags per track
 * stays the same; only the training split gets noise (valid and test keep the truth, so the
 * evaluation still measures against what was rendered).
 */
public final class LabelNoise {

  private final double rate;
  private final long seed;
  private final List<String> vocabulary;

  /** With corpus v1's vocabulary. */
  public LabelNoise(double rate, long seed) {
    this(rate, seed, Vocabulary.tags());
  }

  /** @param vocabulary where the wrong tags come from */
  public LabelNoise(double rate, long seed, List<String> vocabulary) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("label noise " + rate + " is not a fraction in [0, 1]");
    }
    this.rate = rate;
    this.seed = seed;
    this.vocabulary = List.copyOf(vocabulary);
  }

  public double rate() {
    return rate;
  }

  /** The labels of piece {@code index} given its true tags; the truth itself when the rate is 0. */
  public TagSet labels(int index, TagSet truth) {
    if (rate == 0) {
      return truth;
    }
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, Seeds.NOISE, index));
    List<String> wrongChoices = new ArrayList<>(vocabulary);
    wrongChoices.removeAll(truth.tags());
    TreeSet<String> labels = new TreeSet<>();
    int replaced = 0;
    for (String tag : truth.tags()) {
      if (random.nextDouble() < rate) {
        replaced++;
      } else {
        labels.add(tag);
      }
    }
    for (int i = 0; i < replaced; i++) {
      labels.add(wrongChoices.remove(random.nextInt(wrongChoices.size())));
    }
    return TagSet.of(labels);
  }
}
