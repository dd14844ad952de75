package org.soundalike.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PieceGeneratorTest {

  private static final List<PieceSpec> PIECES = new PieceGenerator(11).pieces(2000);

  @Test
  void vocabularyHasAtLeastTwentyDistinctTagsInFiveGroups() {
    List<String> tags = Vocabulary.tags();
    assertThat(tags).hasSizeGreaterThanOrEqualTo(20).doesNotHaveDuplicates();
    assertThat(tags).contains("piano", "acoustic guitar", "electric guitar", "strings", "brass", "flute",
        "organ", "synth pad", "bass", "drums", "no drums", "slow", "medium", "fast", "major", "minor",
        "waltz", "rock", "ambient", "techno", "ballad");
  }

  @Test
  void sameSeedGivesTheSamePiecesAndOtherSeedsDiffer() {
    assertThat(new PieceGenerator(11).pieces(50)).isEqualTo(PIECES.subList(0, 50));
    assertThat(new PieceGenerator(12).pieces(50)).isNotEqualTo(PIECES.subList(0, 50));
  }

  @Test
  void everyTrackCarriesOneTagPerGroupAndTwoToFiveInstruments() {
    for (PieceSpec piece : PIECES) {
      Set<String> tags = piece.tags().tags();
      assertThat(Vocabulary.tags()).as(piece.name()).containsAll(tags);
      assertThat(count(tags, Vocabulary.DRUMS, Vocabulary.NO_DRUMS)).as(piece.name()).isEqualTo(1);
      assertThat(count(tags, "slow", "medium", "fast")).as(piece.name()).isEqualTo(1);
      assertThat(count(tags, "major", "minor")).as(piece.name()).isEqualTo(1);
      assertThat(count(tags, "waltz", "rock", "ambient", "techno", "ballad", "jazz", "folk")).isEqualTo(1);
      assertThat(piece.instruments()).as(piece.name()).hasSizeBetween(2, 5);
    }
  }

  @Test
  void tagsFollowTheStylesCoOccurrenceRules() {
    for (PieceSpec piece : PIECES) {
      Style style = piece.style();
      assertThat(piece.instruments()).as(piece.name()).allMatch(style::allows);
      assertThat(piece.bpm()).as(piece.name()).isBetween(style.minBpm(), style.maxBpm());
      assertThat(piece.tempoBand().contains(piece.bpm())).isTrue();
      switch (style) {
        case AMBIENT -> {
          assertThat(piece.drums()).as(piece.name()).isFalse();
          assertThat(piece.tempoBand()).isEqualTo(TempoBand.SLOW);
          assertThat(piece.instruments()).contains(Instrument.SYNTH_PAD);
        }
        case TECHNO -> {
          assertThat(piece.drums()).as(piece.name()).isTrue();
          assertThat(piece.tempoBand()).isEqualTo(TempoBand.FAST);
        }
        case ROCK -> {
          assertThat(piece.drums()).as(piece.name()).isTrue();
          assertThat(piece.instruments()).contains(Instrument.ELECTRIC_GUITAR);
          assertThat(piece.tempoBand()).isNotEqualTo(TempoBand.SLOW);
        }
        case FOLK -> assertThat(piece.instruments()).contains(Instrument.ACOUSTIC_GUITAR);
        case WALTZ -> assertThat(style.beatsPerBar()).isEqualTo(3);
        default -> assertThat(style.beatsPerBar()).isEqualTo(4);
      }
    }
  }

  @Test
  void aLargeCorpusUsesEveryTagAndTheStylesShapeTheMix() {
    Set<String> seen = new HashSet<>();
    PIECES.forEach(p -> seen.addAll(p.tags().tags()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(Vocabulary.tags());
    double technoMinor = fraction(Style.TECHNO, p -> p.mode() == Mode.MINOR);
    double jazzSax = fraction(Style.JAZZ, p -> p.instruments().contains(Instrument.SAXOPHONE));
    assertThat(technoMinor).isGreaterThan(0.6);
    assertThat(jazzSax).isBetween(0.4, 0.8);
  }

  @Test
  void aSmallerCorpusIsAPrefixOfALargerOne() {
    assertThat(new PieceGenerator(11).piece(1234)).isEqualTo(PIECES.get(1234));
  }

  private static long count(Set<String> tags, String... group) {
    return java.util.Arrays.stream(group).filter(tags::contains).count();
  }

  private static double fraction(Style style, java.util.function.Predicate<PieceSpec> test) {
    List<PieceSpec> ofStyle = PIECES.stream().filter(p -> p.style() == style).toList();
    return ofStyle.stream().filter(test).count() / (double) ofStyle.size();
  }
}
