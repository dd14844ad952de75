package org.soundalike.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.soundalike.dataset.Split;

class SplitAssignerTest {

  @Test
  void splitsAreEightyTenTenAndStratifiedByStyle() {
    List<PieceSpec> pieces = new PieceGenerator(3).pieces(700);
    List<Split> splits = SplitAssigner.assign(pieces, 3);
    assertThat(splits.stream().filter(s -> s == Split.TRAIN).count()).isEqualTo(560);
    assertThat(splits.stream().filter(s -> s == Split.VALID).count()).isEqualTo(70);
    assertThat(splits.stream().filter(s -> s == Split.TEST).count()).isEqualTo(70);
    for (Style style : Style.values()) {
      long ofStyle = pieces.stream().filter(p -> p.style() == style).count();
      for (Split split : List.of(Split.VALID, Split.TEST)) {
        long inSplit = java.util.stream.IntStream.range(0, pieces.size())
            .filter(i -> pieces.get(i).style() == style && splits.get(i) == split).count();
        assertThat((double) inSplit).as(style + " in " + split).isCloseTo(ofStyle * 0.1, org.assertj.core.data.Offset.offset(1.5));
      }
    }
  }

  @Test
  void threeTracksAlreadyCoverTheThreeSplits() {
    assertThat(SplitAssigner.assign(new PieceGenerator(5).pieces(3), 5))
        .containsExactlyInAnyOrder(Split.TRAIN, Split.VALID, Split.TEST);
  }

  @Test
  void theSeedDecidesTheAssignment() {
    List<PieceSpec> pieces = new PieceGenerator(3).pieces(100);
    assertThat(SplitAssigner.assign(pieces, 3)).isEqualTo(SplitAssigner.assign(pieces, 3));
    assertThat(SplitAssigner.assign(pieces, 4)).isNotEqualTo(SplitAssigner.assign(pieces, 3));
  }
}
