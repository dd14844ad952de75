package org.soundalike.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

  /** The weighted mean of per-query values, as RecallAtK.value(weights) computes it. */
  private static ToDoubleFunction<int[]> mean(double[] perQuery) {
    return w -> {
      double sum = 0;
      int n = 0;
      for (int q = 0; q < w.length; q++) {
        sum += w[q] * perQuery[q];
        n += w[q];
      }
      return sum / n;
    };
  }

  private static Map<String, ToDoubleFunction<int[]>> run(double[] perQuery) {
    return Map.of("R@1", mean(perQuery));
  }

  @Test
  void theObservedDifferenceIsTheMeanOverSeedsOfTheDifferencesOnAllQueries() {
    // Seed 1: B = (1, 0, 1), A = (0, 0, 1) → 1/3; seed 2: B = (1, 1, 1), A = (1, 0, 0) → 1/3 + 1/3.
    List<Map<String, ToDoubleFunction<int[]>>> b = List.of(run(new double[] {1, 0, 1}), run(new double[] {1, 1, 1}));
    List<Map<String, ToDoubleFunction<int[]>>> a = List.of(run(new double[] {0, 0, 1}), run(new double[] {1, 0, 0}));
    PairedBootstrap.Estimate e = new PairedBootstrap(500, 3, 0.95).compare(3, b, a).get("R@1");
    assertThat(e.difference()).isCloseTo((1.0 / 3 + 2.0 / 3) / 2, within(1e-12));
    // A's mean is (1/3 + 1/3) / 2 = 1/3, B's 5/6: relative difference (5/6 − 1/3) / (1/3) = 1.5.
    assertThat(e.relative()).isCloseTo(1.5, within(1e-12));
    assertThat(e.lower()).isLessThanOrEqualTo(e.difference());
    assertThat(e.upper()).isGreaterThanOrEqualTo(e.difference());
  }

  @Test
  void aClearImprovementIsSignificant() {
    // 150 queries, 3 seeds: B = A + 0.15 on every query, with A noisy in [0, 1).
    SplittableRandom random = new SplittableRandom(7);
    List<Map<String, ToDoubleFunction<int[]>>> b = new ArrayList<>();
    List<Map<String, ToDoubleFunction<int[]>>> a = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      double[] base = random.doubles(150).toArray();
      double[] better = base.clone();
      for (int q = 0; q < better.length; q++) {
        better[q] += 0.15;
      }
      b.add(run(better));
      a.add(run(base));
    }
    PairedBootstrap.Estimate e = new PairedBootstrap(1000, 1, 0.95).compare(150, b, a).get("R@1");
    assertThat(e.difference()).isCloseTo(0.15, within(1e-9));
    assertThat(e.lower()).isCloseTo(0.15, within(1e-9));
    assertThat(e.p()).isCloseTo(2.0 / 1001, within(1e-12));
  }

  @Test
  void theSameValuesInAnotherQueryOrderAreNoDifference() {
    // B holds A's per-query values shuffled: equal means, no pairing left, so no evidence either way.
    SplittableRandom random = new SplittableRandom(11);
    List<Map<String, ToDoubleFunction<int[]>>> b = new ArrayList<>();
    List<Map<String, ToDoubleFunction<int[]>>> a = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      double[] base = random.ints(150, 0, 2).asDoubleStream().toArray();
      double[] shuffled = base.clone();
      for (int i = shuffled.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        double t = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = t;
      }
      b.add(run(shuffled));
      a.add(run(base));
    }
    PairedBootstrap.Estimate e = new PairedBootstrap(1000, 1, 0.95).compare(150, b, a).get("R@1");
    assertThat(e.difference()).isCloseTo(0, within(1e-12));
    assertThat(e.lower()).isNegative();
    assertThat(e.upper()).isPositive();
    assertThat(e.p()).isGreaterThan(0.3);
  }

  @Test
  void identicalModelsDifferByExactlyNothing() {
    double[] values = {0.2, 0.9, 0.4, 0.7};
    PairedBootstrap.Estimate e = new PairedBootstrap(200, 1, 0.95)
        .compare(4, List.of(run(values)), List.of(run(values))).get("R@1");
    assertThat(e.difference()).isZero();
    assertThat(e.lower()).isZero();
    assertThat(e.upper()).isZero();
    assertThat(e.p()).isEqualTo(1.0);
  }
}
