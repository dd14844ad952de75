package org.soundalike.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.soundalike.audio.AudioSpec;
import org.soundalike.dataset.Split;

/** Corpus v2: a catalog-like label regime, more variety per tag, sections, and v1 left as it was. */
class CorpusDesignV2Test {

  private static final List<PieceSpec> PIECES = new PieceGenerator(13, CorpusDesign.V2).pieces(2000);

  @Test
  void aboutThreeOfFortyTagsPerTrackFromCommonToRare() {
    List<String> vocabulary = CorpusDesign.V2.vocabulary();
    assertThat(vocabulary).hasSizeBetween(40, 60).doesNotHaveDuplicates().doesNotContain("bass", "drums");
    Map<String, Integer> positives = new HashMap<>();
    for (PieceSpec piece : PIECES) {
      Set<String> tags = piece.tags().tags();
      assertThat(tags).as(piece.name()).hasSizeBetween(2, 5);
      assertThat(vocabulary).as(piece.name()).containsAll(tags);
      assertThat(tags.stream().filter(CorpusDesignV2Test::isStyle).count()).as(piece.name()).isEqualTo(1);
      tags.forEach(t -> positives.merge(t, 1, Integer::sum));
    }
    double perTrack = PIECES.stream().mapToInt(p -> p.tags().tags().size()).average().orElseThrow();
    assertThat(perTrack).isBetween(2.8, 3.8);
    assertThat(positives.keySet()).containsExactlyInAnyOrderElementsOf(vocabulary);
    int most = positives.values().stream().max(Integer::compare).orElseThrow();
    int least = positives.values().stream().min(Integer::compare).orElseThrow();
    // MTG-Jamendo's top-50: 30 % of tracks for the most common tag, 2.3 % for the rarest.
    assertThat(most / (double) PIECES.size()).isBetween(0.2, 0.35);
    assertThat(least / (double) PIECES.size()).isBetween(0.01, 0.04);
  }

  @Test
  void theStylesAndTheElectronicParentAreTheTruth() {
    for (PieceSpec piece : PIECES) {
      assertThat(piece.tags().contains(Style.ELECTRONIC)).as(piece.name()).isEqualTo(piece.style().parentTag().isPresent());
      for (Mood mood : Mood.values()) {
        assertThat(piece.tags().contains(mood.tag())).as(piece.name() + " " + mood).isEqualTo(mood.holds(piece));
      }
      for (Instrument instrument : piece.instruments()) {
        assertThat(piece.tags().contains(instrument.tag())).isEqualTo(instrument != Instrument.BASS);
        assertThat(instrument.programs(piece.style())).contains(piece.variety().programs().get(instrument));
      }
    }
  }

  @Test
  void everyInstrumentIsHeardThroughSeveralPrograms() {
    Map<Instrument, Set<Integer>> programs = new HashMap<>();
    for (PieceSpec piece : PIECES) {
      piece.variety().programs().forEach((i, p) -> programs.computeIfAbsent(i, k -> new HashSet<>()).add(p));
    }
    long several = programs.values().stream().filter(p -> p.size() >= 2).count();
    assertThat(several).isGreaterThanOrEqualTo(17);
  }

  @Test
  void v1DrawsOnlyItsOwnStylesAndInstrumentsWithItsOwnTags() {
    for (PieceSpec piece : new PieceGenerator(13).pieces(1000)) {
      assertThat(Style.V1).contains(piece.style());
      assertThat(Instrument.V1).containsAll(piece.instruments());
      assertThat(piece.variety()).isEqualTo(Variety.NONE);
      assertThat(Vocabulary.tags()).containsAll(piece.tags().tags());
    }
    assertThat(Vocabulary.tags()).hasSize(26);
    assertThat(new PieceGenerator(13, CorpusDesign.V1).piece(5)).isEqualTo(new PieceGenerator(13).piece(5));
  }

  @Test
  void everyTaggedPartPlaysInEveryExcerptAndNothingUntaggedButBassAndDrums() {
    double seconds = 24;
    long window = Math.round(AudioSpec.excerptSeconds() * 1e6);
    for (PieceSpec piece : PIECES.subList(0, 300)) {
      Score score = Arranger.arrange(piece, seconds);
      for (Part part : score.parts()) {
        assertThat(piece.tags().contains(part.tag()) || Set.of("bass", "drums").contains(part.tag()))
            .as(piece.name() + " " + part.tag()).isTrue();
        for (long start = 0; start + window <= Math.round(seconds * 1e6); start += window / 2) {
          long from = start;
          long to = start + window;
          assertThat(part.notes()).as(piece.name() + " " + part.tag() + " at " + from / 1e6 + " s")
              .anyMatch(n -> n.onMicros() < to && n.offMicros() > from);
        }
      }
    }
  }

  @Test
  void theAccompanimentChangesFromSectionToSectionInV2Only() {
    assertThat(changingSections(new PieceGenerator(13).pieces(200))).isLessThan(0.1);
    assertThat(changingSections(PIECES.subList(0, 200))).isGreaterThan(0.6);
  }

  /**
   * Share of pieces whose chords (every part but melodies, bass and drums) play other keys or
   * rhythms in its second four-bar section than in its first.
   */
  private static double changingSections(List<PieceSpec> pieces) {
    int changing = 0;
    int counted = 0;
    for (PieceSpec piece : pieces) {
      long sectionMicros = Math.round(4 * 60e6 / piece.bpm() * piece.style().beatsPerBar());
      if (2 * sectionMicros > 30e6) {
        continue;
      }
      Score score = Arranger.arrange(piece, 30);
      counted++;
      boolean changed = false;
      for (Part part : score.parts()) {
        if (part.isDrums() || Instrument.valueOf(part.tag().toUpperCase().replace(' ', '_')).role() == Instrument.Role.MELODY
            || part.tag().equals("bass")) {
          continue;
        }
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (Note note : part.notes()) {
          long section = (note.onMicros() + 1_000) / sectionMicros;
          String shape = (note.onMicros() + 1_000) % sectionMicros / 2_000 + ":" + note.key();
          (section == 0 ? first : section == 1 ? second : new ArrayList<String>()).add(shape);
        }
        changed |= !first.equals(second);
      }
      changing += changed ? 1 : 0;
    }
    assertThat(counted).isGreaterThan(50);
    return changing / (double) counted;
  }

  @Test
  void a1000TrackCorpusTestsOn150Tracks() {
    List<CorpusTrack> tracks = CorpusBuilder.plan(new CorpusParameters(1000, 24, 42, 0, CorpusDesign.V2));
    assertThat(tracks.stream().filter(t -> t.split() == Split.TEST).count()).isEqualTo(150);
    assertThat(tracks.stream().filter(t -> t.split() == Split.VALID).count()).isEqualTo(150);
    assertThat(CorpusBuilder.plan(new CorpusParameters(1000, 24, 42, 0)).stream()
        .filter(t -> t.split() == Split.TEST).count()).isEqualTo(100);
  }

  @Test
  void everyTaggedPartOfRenderedV2PiecesIsAudible() {
    // Pieces covering the instruments v2 adds, rendered for two overlapping excerpt windows.
    EnumSet<Instrument> wanted = EnumSet.of(Instrument.VOICE, Instrument.BELLS, Instrument.CELLO,
        Instrument.ELECTRIC_PIANO, Instrument.TRUMPET, Instrument.ACCORDION);
    List<CorpusTrack> tracks = new ArrayList<>();
    for (PieceSpec piece : PIECES) {
      if (piece.instruments().stream().anyMatch(wanted::remove)) {
        tracks.add(new CorpusTrack(piece, Split.TEST, piece.tags()));
      }
    }
    List<Audibility.TagAudibility> result = new Audibility(new GervillRenderer(TestBank.get()))
        .check(tracks, 1.5 * AudioSpec.excerptSeconds(), CorpusDesign.V2.vocabulary());
    assertThat(result).isNotEmpty();
    for (Audibility.TagAudibility tag : result) {
      assertThat(tag.audibleWindows()).as(tag.tag() + ", quietest " + tag.quietestDb() + " dB").isEqualTo(tag.windows());
    }
  }

  @Test
  void designsParseByNumber() {
    assertThat(CorpusDesign.parse("2")).isEqualTo(CorpusDesign.V2);
    assertThat(CorpusDesign.parse("v1")).isEqualTo(CorpusDesign.V1);
    assertThatThrownBy(() -> CorpusDesign.parse("3")).hasMessageContaining("1 or 2");
  }

  private static boolean isStyle(String tag) {
    return java.util.Arrays.stream(Style.values()).anyMatch(s -> s.tag().equals(tag));
  }
}
