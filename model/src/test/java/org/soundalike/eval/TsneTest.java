package org.soundalike.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TsneTest {

  /** Three Gaussian blobs in 50-D (unit spread, centres ~10 apart per axis), 60 points each. */
  private static EmbeddingMatrix blobs(int[] labels, long seed) {
    Random random = new Random(seed);
    int dim = 50;
    double[][] centres = new double[3][dim];
    for (double[] c : centres) {
      for (int k = 0; k < dim; k++) {
        c[k] = 10 * random.nextGaussian();
      }
    }
    float[][] rows = new float[labels.length][dim];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
      for (int k = 0; k < dim; k++) {
        rows[i][k] = (float) (centres[labels[i]][k] + random.nextGaussian());
      }
    }
    return EmbeddingMatrix.of(rows);
  }

  @Test
  void wellSeparatedClustersStaySeparatedIn2DExact() {
    assertClustersSeparated(0.0);
  }

  @Test
  void wellSeparatedClustersStaySeparatedIn2DBarnesHut() {
    assertClustersSeparated(0.5);
  }

  private static void assertClustersSeparated(double theta) {
    int[] labels = new int[180];
    EmbeddingMatrix data = blobs(labels, 1);
    Tsne.Result result = new Tsne(new Tsne.Config(30, 500, 7, 2, theta)).embed(data);
    double[][] y = result.coordinates();
    int agree = 0;
    for (int i = 0; i < y.length; i++) {
      int nearest = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int j = 0; j < y.length; j++) {
        double d = Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]);
        if (j != i && d < best) {
          best = d;
          nearest = j;
        }
      }
      agree += labels[nearest] == labels[i] ? 1 : 0;
    }
    assertThat(agree / 180.0).isGreaterThanOrEqualTo(0.95);
    assertThat(result.perplexity()).isEqualTo(30);
    assertThat(result.klDivergence()).isPositive().isLessThan(2);
  }

  @Test
  void denseJointProbabilitiesAreSymmetricAndSumToOne() {
    EmbeddingMatrix data = blobs(new int[40], 2);
    double[] p = TsneAffinities.dense(data, 10, new BlockedScalarKernel());
    double sum = 0;
    for (int i = 0; i < 40; i++) {
      assertThat(p[i * 40 + i]).isZero();
      for (int j = 0; j < 40; j++) {
        assertThat(p[i * 40 + j]).isCloseTo(p[j * 40 + i], within(1e-15));
        sum += p[i * 40 + j];
      }
    }
    assertThat(sum).isCloseTo(1, within(1e-6));
  }

  @Test
  void sparseJointProbabilitiesAreSymmetricOverNearestNeighboursAndSumToOne() {
    int n = 90;
    EmbeddingMatrix data = blobs(new int[n], 5);
    TsneAffinities.Sparse p = TsneAffinities.sparse(data, 5, new BlockedScalarKernel());
    double[] dense = new double[n * n];
    for (int i = 0; i < n; i++) {
      int previous = -1;
      for (int e = p.rowStart()[i]; e < p.rowStart()[i + 1]; e++) {
        assertThat(p.columns()[e]).isGreaterThan(previous).isNotEqualTo(i);
        previous = p.columns()[e];
        dense[i * n + p.columns()[e]] = p.values()[e];
      }
      // At least its 3 * 5 + 1 = 16 nearest neighbours, all from its own blob (30 points each).
      assertThat(p.rowStart()[i + 1] - p.rowStart()[i]).isGreaterThanOrEqualTo(16);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(dense[i * n + j]).isEqualTo(dense[j * n + i]);
        if (dense[i * n + j] > 0) {
          assertThat(i % 3).isEqualTo(j % 3);
        }
        sum += dense[i * n + j];
      }
    }
    assertThat(sum).isCloseTo(1, within(1e-9));
  }

  @Test
  void barnesHutStaysCloseToExactInCost() {
    EmbeddingMatrix data = blobs(new int[150], 6);
    double exact = new Tsne(new Tsne.Config(20, 400, 3, 2, 0.0)).embed(data).klDivergence();
    double barnesHut = new Tsne(new Tsne.Config(20, 400, 3, 2, 0.5)).embed(data).klDivergence();
    assertThat(barnesHut).isCloseTo(exact, within(0.25 * exact));
  }

  @Test
  void theSameSeedGivesTheSameMapWhateverTheThreads() {
    EmbeddingMatrix data = blobs(new int[60], 3);
    for (double theta : new double[] {0, 0.5}) {
      double[][] a = new Tsne(new Tsne.Config(15, 300, 5, 1, theta)).embed(data).coordinates();
      double[][] b = new Tsne(new Tsne.Config(15, 300, 5, 2, theta)).embed(data).coordinates();
      double[][] c = new Tsne(new Tsne.Config(15, 300, 6, 2, theta)).embed(data).coordinates();
      assertThat(b).isDeepEqualTo(a);
      assertThat(c).isNotEqualTo(a);
    }
  }

  @Test
  void smallInputsClampThePerplexityAndASinglePointSitsAtTheOrigin() {
    EmbeddingMatrix data = blobs(new int[10], 4);
    assertThat(new Tsne(new Tsne.Config(30, 250, 1, 1, 0.5)).embed(data).perplexity()).isEqualTo(3);
    Tsne.Result one = new Tsne(Tsne.Config.defaults(1)).embed(EmbeddingMatrix.of(new float[][] {{1, 2}}));
    assertThat(one.coordinates()).isDeepEqualTo(new double[][] {{0, 0}});
  }

  @Test
  void invalidConfigurationsAreRejected() {
    assertThatThrownBy(() -> new Tsne.Config(0, 1000, 1, 1, 0.5)).hasMessageContaining("perplexity");
    assertThatThrownBy(() -> new Tsne.Config(30, 10, 1, 1, 0.5)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> new Tsne.Config(30, 1000, 1, 1, 0.8)).hasMessageContaining("theta");
  }
}
