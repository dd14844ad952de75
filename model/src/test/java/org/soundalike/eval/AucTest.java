package org.soundalike.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** ROC-AUC and average precision of one tag, against areas worked out by hand. */
class AucTest {

  private static final double EPS = 1e-12;

  @Test
  void distinctScores() {
    double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5};
    boolean[] positive = {true, false, true, false, false};
    // ROC: P = 2, N = 3; pairs (pos > neg): 0.9 beats 3, 0.7 beats 0.6 and 0.5 -> 5 of 6.
    assertThat(RocAuc.of(scores, positive).getAsDouble()).isCloseTo(5.0 / 6, within(EPS));
    // AP: 0.9 is a hit (recall 1/2, precision 1/1) -> 1/2 * 1; 0.7 is a hit (recall 1, precision 2/3)
    // -> 1/2 * 2/3. AP = 1/2 + 1/3 = 5/6.
    assertThat(AveragePrecision.of(scores, positive).getAsDouble()).isCloseTo(5.0 / 6, within(EPS));
  }

  @Test
  void tiedScoresFormOneThreshold() {
    // Two positives tied with one negative at 0.5, then a negative at 0.1.
    double[] scores = {0.5, 0.5, 0.5, 0.1};
    boolean[] positive = {true, true, false, false};
    // ROC: thresholds 0.5 -> (fpr 1/2, tpr 1), 0.1 -> (1, 1). Trapezoids from (0, 0):
    // 1/2 * (0 + 1)/2 + 1/2 * (1 + 1)/2 = 1/4 + 1/2 = 3/4 (= Mann-Whitney: 2 pairs tied -> 1/2 each,
    // 2 pairs won -> 1 each, 3 of 4).
    assertThat(RocAuc.of(scores, positive).getAsDouble()).isCloseTo(0.75, within(EPS));
    // AP: the tied group enters at once: recall 0 -> 1 at precision 2/3 -> AP = 2/3. (Ranking the
    // positives first would give 1, ranking the negative first (1/2 + 2/3)/2 = 7/12.)
    assertThat(AveragePrecision.of(scores, positive).getAsDouble()).isCloseTo(2.0 / 3, within(EPS));
  }

  @Test
  void tiesAcrossTheRanking() {
    double[] scores = {0.8, 0.5, 0.5, 0.5, 0.2};
    boolean[] positive = {true, true, false, false, true};
    // ROC: P = 3, N = 2. 0.8 beats both negatives (2), the 0.5 positive ties both (2 * 1/2), 0.2
    // loses both (0): 3 of 6 = 1/2.
    assertThat(RocAuc.of(scores, positive).getAsDouble()).isCloseTo(0.5, within(EPS));
    // AP: 0.8 -> tp 1, fp 0: 1/3 * 1; 0.5 -> tp 2, fp 2: 1/3 * 2/4; 0.2 -> tp 3, fp 2: 1/3 * 3/5.
    // AP = 1/3 + 1/6 + 1/5 = 0.7.
    assertThat(AveragePrecision.of(scores, positive).getAsDouble()).isCloseTo(0.7, within(EPS));
  }

  @Test
  void minusZeroAndZeroAreOneThreshold() {
    double[] scores = {0.0, -0.0};
    boolean[] positive = {false, true};
    // One tied group: ROC 1/2; AP: recall 1 at precision 1/2.
    assertThat(RocAuc.of(scores, positive).getAsDouble()).isCloseTo(0.5, within(EPS));
    assertThat(AveragePrecision.of(scores, positive).getAsDouble()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void undefinedWithoutPositiveOrNegative() {
    double[] scores = {0.3, 0.2};
    assertThat(RocAuc.of(scores, new boolean[] {false, false})).isEmpty();
    assertThat(AveragePrecision.of(scores, new boolean[] {false, false})).isEmpty();
    assertThat(RocAuc.of(scores, new boolean[] {true, true})).isEmpty();
    assertThat(AveragePrecision.of(scores, new boolean[] {true, true})).isEmpty();
  }

  @Test
  void perfectAndReversedRankings() {
    double[] scores = {0.9, 0.8, 0.2, 0.1};
    assertThat(RocAuc.of(scores, new boolean[] {true, true, false, false}).getAsDouble()).isCloseTo(1, within(EPS));
    assertThat(RocAuc.of(scores, new boolean[] {false, false, true, true}).getAsDouble()).isCloseTo(0, within(EPS));
    // Reversed: hits at ranks 3 and 4 -> AP = 1/2 * 1/3 + 1/2 * 2/4 = 5/12.
    assertThat(AveragePrecision.of(scores, new boolean[] {false, false, true, true}).getAsDouble())
        .isCloseTo(5.0 / 12, within(EPS));
  }

  @Test
  void rocAucEqualsTheMannWhitneyStatisticOnRandomScoresWithTies() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int n = 50 + random.nextInt(100);
      double[] scores = new double[n];
      boolean[] positive = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(10) / 10.0; // few distinct values: many ties
        positive[i] = random.nextDouble() < 0.3;
      }
      positive[0] = true;
      positive[1] = false;
      double wins = 0;
      long pairs = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (positive[i] && !positive[j]) {
            pairs++;
            wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
          }
        }
      }
      assertThat(RocAuc.of(scores, positive).getAsDouble()).isCloseTo(wins / pairs, within(1e-12));
    }
  }

  @Test
  void averagePrecisionEqualsTheGroupedDefinitionOnRandomScoresWithTies() {
    Random random = new Random(11);
    for (int trial = 0; trial < 20; trial++) {
      int n = 30 + random.nextInt(60);
      double[] scores = new double[n];
      boolean[] positive = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(8);
        positive[i] = random.nextDouble() < 0.4;
      }
      positive[0] = true;
      positive[1] = false;
      // Reference: for every positive, precision over everything scoring >= its score, averaged
      // over positives (the step-wise AP with each tied group entering at once).
      int p = 0;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        if (!positive[i]) {
          continue;
        }
        p++;
        int at = 0;
        int hits = 0;
        for (int j = 0; j < n; j++) {
          if (scores[j] >= scores[i]) {
            at++;
            hits += positive[j] ? 1 : 0;
          }
        }
        sum += (double) hits / at;
      }
      assertThat(AveragePrecision.of(scores, positive).getAsDouble()).isCloseTo(sum / p, within(1e-12));
    }
  }

  @Test
  void scalingScoresByAPositiveFactorChangesNoArea() {
    Random random = new Random(3);
    double[] scores = new double[200];
    boolean[] positive = new boolean[200];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextInt(40) / 40.0;
      positive[i] = random.nextBoolean();
    }
    for (double factor : new double[] {2.0, 0.001, 37.5}) {
      double[] scaled = new double[scores.length];
      for (int i = 0; i < scores.length; i++) {
        scaled[i] = scores[i] * factor;
      }
      assertThat(RocAuc.of(scaled, positive).getAsDouble()).isEqualTo(RocAuc.of(scores, positive).getAsDouble());
      assertThat(AveragePrecision.of(scaled, positive).getAsDouble())
          .isEqualTo(AveragePrecision.of(scores, positive).getAsDouble());
    }
  }
}
