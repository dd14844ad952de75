package org.soundalike.search.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExactKnnTest {

  @Test
  void topKIsOrderedByInnerProductAndHonoursTheFilter() {
    float[][] vectors = {{1, 0}, {0, 1}, {0.8f, 0.6f}, {-1, 0}, {0.6f, 0.8f}};
    float[][] queries = {{1, 0}};

    assertThat(ExactKnn.topK(vectors, queries, 3, i -> true)[0]).containsExactly(0, 2, 4);
    assertThat(ExactKnn.topK(vectors, queries, 3, i -> i != 0)[0]).containsExactly(2, 4, 1);
    assertThat(ExactKnn.topK(vectors, queries, 3, i -> i == 3)[0]).containsExactly(3, -1, -1);
  }

  @Test
  void recallCountsTheExactNeighboursFound() {
    assertThat(ExactKnn.recall(List.of(0, 2, 9), new int[] {0, 2, 4, 5})).isCloseTo(0.5, within(1e-12));
    assertThat(ExactKnn.recall(List.of(3), new int[] {3, -1, -1})).isEqualTo(1.0);
  }

  @Test
  void generatedVectorsAreUnitLengthAndTagged() {
    ClusteredVectors generator = new ClusteredVectors(64, 5, 1.0, 1);
    int tagged = 0;
    for (int i = 0; i < 1000; i++) {
      ClusteredVectors.Sample s = generator.next();
      double norm = 0;
      for (float f : s.vector()) {
        norm += f * f;
      }
      assertThat(norm).isCloseTo(1.0, within(1e-5));
      if (s.tags().contains(ClusteredVectors.tag(0))) {
        tagged++;
      }
    }
    assertThat(tagged).isBetween(50, 350);
  }

  @Test
  void percentilesUseTheNearestRank() {
    Latencies l = new Latencies(new double[] {5, 1, 4, 2, 3, 6, 7, 8, 9, 10});
    assertThat(l.percentile(50)).isEqualTo(5);
    assertThat(l.percentile(99)).isEqualTo(10);
    assertThat(l.mean()).isEqualTo(5.5);
  }
}
