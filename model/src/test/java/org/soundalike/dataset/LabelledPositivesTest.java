package org.soundalike.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelledPositivesTest {

  /** 200 training tracks: every one is "common", every 20th "rare"; 10 test tracks, 2 of them "rare". */
  private static Catalog catalog() {
    List<Track> tracks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Set<String> tags = i % 20 == 0 ? Set.of("common", "rare") : Set.of("common");
      tracks.add(new Track("t" + i, Path.of("/m/t" + i + ".wav"), Split.TRAIN, TagSet.of(tags)));
    }
    for (int i = 0; i < 10; i++) {
      Set<String> tags = i < 2 ? Set.of("rare") : Set.of("common");
      tracks.add(new Track("x" + i, Path.of("/m/x" + i + ".wav"), Split.TEST, TagSet.of(tags)));
    }
    return Catalog.of("test", Path.of("/m"), Path.of("/m"), TagVocabulary.of(List.of("common", "rare")), tracks);
  }

  @Test
  void countsTheLabelledPositivesOfEachDrawAsTrainingDrawsThem() {
    Catalog catalog = catalog();
    LabelledPositives positives = LabelledPositives.of(catalog, List.of(0.01, 0.1, 1.0), List.of(1L, 2L));
    assertThat(positives.labelledTracks()).containsEntry(0.01, 2).containsEntry(0.1, 20).containsEntry(1.0, 200);
    LabelledPositives.TagCounts common = positives.tags().get("common");
    assertThat(common.train()).isEqualTo(200);
    assertThat(common.test()).isEqualTo(8);
    // Every training track is "common": the labelled positives are the labelled tracks.
    assertThat(common.labelled().get(0.01)).containsExactly(2, 2);
    assertThat(common.labelled().get(1.0)).containsExactly(200, 200);
    LabelledPositives.TagCounts rare = positives.tags().get("rare");
    assertThat(rare.train()).isEqualTo(10);
    assertThat(rare.test()).isEqualTo(2);
    assertThat(rare.labelled().get(1.0)).containsExactly(10, 10);
    for (int s = 0; s < 2; s++) {
      long seed = s + 1;
      Set<String> ids = new LabelFraction(0.1, seed).labelledIds(catalog);
      long expected = ids.stream().filter(id -> Integer.parseInt(id.substring(1)) % 20 == 0).count();
      assertThat(rare.labelled().get(0.1).get(s)).isEqualTo((int) expected);
      // Nested draws: never fewer positives at a larger fraction.
      assertThat(rare.labelled().get(0.01).get(s)).isLessThanOrEqualTo(rare.labelled().get(0.1).get(s));
    }
  }

  @Test
  void theTableCountsTheTagsLeftWithoutAnyLabelledPositive() {
    LabelledPositives positives = LabelledPositives.of(catalog(), List.of(0.01, 1.0), List.of(1L, 2L, 3L));
    // 2 labelled tracks out of 200, each "rare" with probability 1/20: some seed is likely to get none.
    boolean rareMissing = positives.tags().get("rare").fewest(0.01) == 0;
    assertThat(positives.tagsWithoutPositives(0.01)).isEqualTo(rareMissing ? 1 : 0);
    assertThat(positives.tagsWithoutPositives(1.0)).isZero();
    String table = positives.markdown();
    assertThat(table).startsWith("| tag | train | test | 1 % (2 tracks) | 100 % (200 tracks) |")
        .contains("| common | 200 | 8 | 2 | 200 |")
        .contains("| rare | 10 | 2 | ")
        .endsWith("| tags without a labelled positive (any seed) | | | " + (rareMissing ? 1 : 0) + " | 0 |\n");
  }
}
