package org.soundalike.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast kernels and the top-K selection against a naive double-precision reference. */
class ExactRetrievalTest {

  private static EmbeddingMatrix randomMatrix(int rows, int dim, long seed) {
    Random random = new Random(seed);
    float[][] values = new float[rows][dim];
    for (float[] row : values) {
      double norm = 0;
      for (int k = 0; k < dim; k++) {
        row[k] = (float) random.nextGaussian();
        norm += row[k] * row[k];
      }
      for (int k = 0; k < dim; k++) {
        row[k] /= (float) Math.sqrt(norm);
      }
    }
    return EmbeddingMatrix.of(values);
  }

  private static double naiveDot(EmbeddingMatrix m, int a, int b) {
    double s = 0;
    for (int k = 0; k < m.dim(); k++) {
      s += (double) m.get(a, k) * m.get(b, k);
    }
    return s;
  }

  private static List<InnerProductKernel> kernels() {
    // The tests run with --add-modules jdk.incubator.vector (see the parent pom), so both load.
    assertThat(InnerProductKernels.vectorApiAvailable()).isTrue();
    return List.of(new BlockedScalarKernel(), new VectorApiKernel());
  }

  @Test
  void kernelsEqualTheNaiveInnerProducts() {
    // Sizes that are not multiples of the 4×4 block, the tile or the vector length.
    for (int[] shape : new int[][] {{203, 37}, {130, 512}, {7, 3}, {1, 16}}) {
      EmbeddingMatrix m = randomMatrix(shape[0], shape[1], shape[0]);
      for (InnerProductKernel kernel : kernels()) {
        int from = Math.min(3, m.rows() - 1);
        int to = m.rows();
        float[] out = new float[(to - from) * m.rows()];
        kernel.innerProducts(m, from, to, m, out);
        for (int i = from; i < to; i++) {
          for (int j = 0; j < m.rows(); j++) {
            assertThat((double) out[(i - from) * m.rows() + j])
                .as("%s %s (%d,%d)", kernel.name(), Arrays.toString(shape), i, j)
                .isCloseTo(naiveDot(m, i, j), within(2e-6));
          }
        }
      }
    }
  }

  @Test
  void kernelsComputeADatabaseRangeOnly() {
    EmbeddingMatrix m = randomMatrix(150, 40, 9);
    for (InnerProductKernel kernel : kernels()) {
      int from = 5;
      int to = 70;
      int dbFrom = 33;
      int dbTo = 141;
      int columns = dbTo - dbFrom;
      float[] out = new float[(to - from) * columns];
      kernel.innerProducts(m, from, to, m, dbFrom, dbTo, out);
      for (int i = from; i < to; i++) {
        for (int j = dbFrom; j < dbTo; j++) {
          assertThat((double) out[(i - from) * columns + j - dbFrom]).as("%s (%d,%d)", kernel.name(), i, j)
              .isCloseTo(naiveDot(m, i, j), within(2e-6));
        }
      }
    }
  }

  @Test
  void topKEqualsTheNaiveRanking() {
    EmbeddingMatrix m = randomMatrix(301, 64, 1);
    int k = 10;
    for (InnerProductKernel kernel : kernels()) {
      for (int threads : new int[] {1, 2}) {
        Neighbours found = new ExactRetrieval(kernel, threads).search(m, k);
        assertThat(found.queries()).isEqualTo(301);
        assertThat(found.depth()).isEqualTo(k);
        for (int q = 0; q < m.rows(); q++) {
          double[] others = new double[m.rows() - 1];
          for (int j = 0, c = 0; j < m.rows(); j++) {
            if (j != q) {
              others[c++] = naiveDot(m, q, j);
            }
          }
          Arrays.sort(others);
          assertThat(found.indices()[q]).doesNotContain(q);
          for (int r = 0; r < k; r++) {
            // Similarities must match rank by rank; indices too, unless two are within float error.
            double expected = others[others.length - 1 - r];
            assertThat((double) found.similarities()[q][r]).isCloseTo(expected, within(1e-5));
            assertThat(naiveDot(m, q, found.indices()[q][r])).isCloseTo(expected, within(1e-5));
          }
        }
      }
    }
  }

  @Test
  void twoThreadsGiveTheSameResultAsOne() {
    EmbeddingMatrix m = randomMatrix(500, 48, 2);
    Neighbours one = new ExactRetrieval(InnerProductKernels.fastest(), 1).search(m, 8);
    Neighbours two = new ExactRetrieval(InnerProductKernels.fastest(), 2).search(m, 8);
    assertThat(two.indices()).isDeepEqualTo(one.indices());
  }

  @Test
  void kLargerThanTheDatabaseReturnsEveryOtherRow() {
    EmbeddingMatrix m = randomMatrix(5, 8, 3);
    Neighbours found = ExactRetrieval.withDefaults().search(m, 10);
    assertThat(found.depth()).isEqualTo(4);
    for (int q = 0; q < 5; q++) {
      int[] sorted = found.indices()[q].clone();
      Arrays.sort(sorted);
      final int query = q;
      assertThat(sorted).containsExactly(java.util.stream.IntStream.range(0, 5).filter(j -> j != query).toArray());
      for (int r = 1; r < 4; r++) {
        assertThat(found.similarities()[q][r]).isLessThanOrEqualTo(found.similarities()[q][r - 1]);
      }
    }
  }

  @Test
  void aSingleRowHasNoResults() {
    Neighbours found = ExactRetrieval.withDefaults().search(randomMatrix(1, 4, 4), 3);
    assertThat(found.indices()[0]).isEmpty();
  }

  @Test
  void progressHearsEveryQuery() {
    java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    new ExactRetrieval(InnerProductKernels.fastest(), 2).search(randomMatrix(150, 8, 5), 3, done::addAndGet);
    assertThat(done.get()).isEqualTo(150);
  }
}
