package org.soundalike.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.soundalike.dataset.Split;

/**
 * Seeded train/valid/test assignment (80/10/10 in corpus v1, 70/15/15 in v2), stratified by style: the pieces are ordered by
 * style (shuffled within each style) and the valid and test tracks are taken at even intervals
 * along that order, so every style is spread over the three splits in proportion. Valid and test
 * get at least one track each once there are three tracks.
 */
public final class SplitAssigner {

  private SplitAssigner() {}

  /** The split of each piece of corpus v1, in the order of {@code pieces}. */
  public static List<Split> assign(List<PieceSpec> pieces, long seed) {
    return assign(pieces, seed, CorpusDesign.V1.validFraction(), CorpusDesign.V1.testFraction());
  }

  /** The split of each piece, in the order of {@code pieces}. */
  public static List<Split> assign(List<PieceSpec> pieces, long seed, double validFraction, double testFraction) {
    int n = pieces.size();
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, Seeds.SPLIT, 0));
    List<Integer> order = new ArrayList<>();
    double[] shuffleKey = new double[n];
    for (int i = 0; i < n; i++) {
      order.add(i);
      shuffleKey[i] = random.nextDouble();
    }
    order.sort(Comparator.comparing((Integer i) -> pieces.get(i).style()).thenComparingDouble(i -> shuffleKey[i]));
    Split[] splits = new Split[n];
    java.util.Arrays.fill(splits, Split.TRAIN);
    if (n >= 3) {
      int valid = Math.max(1, (int) Math.round(n * validFraction));
      int test = Math.max(1, (int) Math.round(n * testFraction));
      place(splits, order, test, 0.25, Split.TEST);
      place(splits, order, valid, 0.75, Split.VALID);
    }
    return List.of(splits);
  }

  /** Marks {@code count} positions spread evenly along {@code order}, the next free one on a clash. */
  private static void place(Split[] splits, List<Integer> order, int count, double phase, Split split) {
    int n = order.size();
    for (int k = 0; k < count; k++) {
      int position = (int) Math.floor((k + phase) * n / count);
      while (splits[order.get(position % n)] != Split.TRAIN) {
        position++;
      }
      splits[order.get(position % n)] = split;
    }
  }
}
