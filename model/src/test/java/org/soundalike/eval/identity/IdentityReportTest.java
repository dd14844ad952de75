package org.soundalike.eval.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityReportTest {

  private static IdentityQuery query(int rank, double sameCollection) {
    return new IdentityQuery("t", "c", 60, 3, Map.of("model", new IdentityQuery.Result(rank, List.of(), sameCollection, null)));
  }

  @Test
  void hitsAtKMrrAndSameCollectionPrecisionAreMeansOverTheQueries() {
    // Ranks 1, 3, 7, 20: hit@1 1/4, hit@5 2/4, hit@10 3/4; MRR (1 + 1/3 + 1/7 + 1/20) / 4.
    List<IdentityQuery> queries = List.of(query(1, 1.0), query(3, 0.6), query(7, 0.2), query(20, 0.0));

    IdentityReport.Row row = IdentityReport.rows(List.of("model"), queries).get(0);

    assertThat(row.queries()).isEqualTo(4);
    assertThat(row.hitAt1()).isEqualTo(0.25);
    assertThat(row.hitAt5()).isEqualTo(0.5);
    assertThat(row.hitAt10()).isEqualTo(0.75);
    assertThat(row.mrr()).isCloseTo((1 + 1 / 3.0 + 1 / 7.0 + 1 / 20.0) / 4, within(1e-12));
    assertThat(row.sameCollectionPrecisionAt5()).isCloseTo(0.45, within(1e-12));
  }
}
