package org.soundalike.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Test helper: two arrays equal up to a tolerance relative to the expected array's largest entry. */
public final class ArrayAssertions {

  private ArrayAssertions() {}

  public static void assertClose(String what, INDArray got, INDArray expected, double relative) {
    assertThat(got.shape()).as(what + " shape").isEqualTo(expected.shape());
    double[] g = got.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    double[] e = expected.castTo(DataType.DOUBLE).reshape(-1).toDoubleVector();
    double scale = 0;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    double tolerance = relative * Math.max(scale, 1e-6);
    for (int i = 0; i < e.length; i++) {
      assertThat(Math.abs(g[i] - e[i])).as("%s[%d]: got %s, expected %s", what, i, g[i], e[i])
          .isLessThanOrEqualTo(tolerance);
    }
  }
}
