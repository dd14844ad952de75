package org.soundalike.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class QueryBootstrapTest {

  @Test
  void quantileInterpolatesBetweenOrderStatistics() {
    double[] sorted = {1, 2, 3, 4, 5};
    // Position q * (n - 1): 0.025 * 4 = 0.1 -> 1 + 0.1 * (2 - 1) = 1.1; 0.975 * 4 = 3.9 -> 4.9.
    assertThat(QueryBootstrap.quantile(sorted, 0.025)).isCloseTo(1.1, within(1e-12));
    assertThat(QueryBootstrap.quantile(sorted, 0.975)).isCloseTo(4.9, within(1e-12));
    assertThat(QueryBootstrap.quantile(sorted, 0.5)).isEqualTo(3);
  }

  @Test
  void theIntervalOfAMeanMatchesTheNormalApproximation() {
    // 2,000 per-query values of mean 0.5, sd 0.5: the 95 % interval of the mean is about
    // 0.5 ± 1.96 * 0.5 / sqrt(2000) = 0.5 ± 0.0219.
    Random random = new Random(1);
    double[] perQuery = new double[2000];
    for (int i = 0; i < perQuery.length; i++) {
      perQuery[i] = random.nextBoolean() ? 1 : 0;
    }
    RecallAtK metric = new RecallAtK(1, perQuery);
    Map<String, ToDoubleFunction<int[]>> statistics = new LinkedHashMap<>();
    statistics.put("R@1", metric::value);
    QueryBootstrap.Interval interval = QueryBootstrap.standard(42).intervals(perQuery.length, statistics).get("R@1");
    double halfWidth = (interval.upper() - interval.lower()) / 2;
    assertThat(halfWidth).isCloseTo(1.96 * 0.5 / Math.sqrt(2000), within(0.004));
    assertThat(metric.value()).isBetween(interval.lower(), interval.upper());
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
    double[] perQuery = new double[300];
    Random random = new Random(2);
    for (int i = 0; i < perQuery.length; i++) {
      perQuery[i] = random.nextDouble();
    }
    RecallAtK metric = new RecallAtK(1, perQuery);
    Map<String, ToDoubleFunction<int[]>> statistics = Map.of("R@1", metric::value);
    var a = new QueryBootstrap(200, 7, 0.95).intervals(300, statistics);
    var b = new QueryBootstrap(200, 7, 0.95).intervals(300, statistics);
    var c = new QueryBootstrap(200, 8, 0.95).intervals(300, statistics);
    assertThat(a).isEqualTo(b);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void aConstantStatisticHasAZeroWidthInterval() {
    var intervals = new QueryBootstrap(100, 1, 0.95).intervals(10, Map.of("c", w -> 0.25));
    assertThat(intervals.get("c")).isEqualTo(new QueryBootstrap.Interval(0.25, 0.25));
  }

  @Test
  void retrievalIntervalsArePercentagesAroundThePointEstimates() {
    EvaluationSet set = EvaluationSet.of(Fixtures.random(400, 16, 5, 3));
    RetrievalResult result = new RetrievalMetrics(ExactRetrieval.withDefaults()).evaluate(set);
    Map<String, QueryBootstrap.Interval> intervals = result.intervalsPercent(QueryBootstrap.standard(1));
    assertThat(intervals.keySet()).containsExactly("R@1", "R@2", "R@4", "R@8", "M@1", "M@4", "M@7", "M@10");
    result.percentages().forEach((name, value) -> {
      assertThat(value).as(name).isBetween(intervals.get(name).lower(), intervals.get(name).upper());
      assertThat(intervals.get(name).upper() - intervals.get(name).lower()).as(name).isBetween(0.1, 30.0);
    });
  }
}
