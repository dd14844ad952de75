package org.soundalike.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.soundalike.audio.AudioSpec;

class ArrangerTest {

  private static final double SECONDS = 20;
  private static final List<Score> SCORES =
      new PieceGenerator(21).pieces(300).stream().map(p -> Arranger.arrange(p, SECONDS)).toList();

  @Test
  void exactlyTheTaggedInstrumentsHaveParts() {
    for (Score score : SCORES) {
      PieceSpec piece = score.piece();
      List<String> expected = new java.util.ArrayList<>(piece.instruments().stream().map(Instrument::tag).toList());
      if (piece.drums()) {
        expected.add(Vocabulary.DRUMS);
      }
      assertThat(score.partTags()).as(piece.name()).containsExactlyElementsOf(expected);
      for (Part part : score.parts()) {
        assertThat(part.isDrums()).as(piece.name() + " " + part.tag()).isEqualTo(part.tag().equals(Vocabulary.DRUMS));
      }
    }
  }

  @Test
  void everyPartSoundsInEveryExcerptOfTheTrack() {
    long window = Math.round(AudioSpec.excerptSeconds() * 1e6);
    long end = Math.round(SECONDS * 1e6);
    for (Score score : SCORES) {
      for (Part part : score.parts()) {
        for (long start = 0; start + window <= end; start += window / 2) {
          long from = start;
          long to = start + window;
          assertThat(part.notes()).as(score.piece().name() + " " + part.tag() + " at " + from / 1e6 + " s")
              .anyMatch(n -> n.onMicros() < to && n.offMicros() > from && Math.min(n.offMicros(), to) - Math.max(n.onMicros(), from) >= 50_000);
        }
      }
    }
  }

  @Test
  void notesStartOnTheBeatGridAndEveryBeatHasAnOnset() {
    for (Score score : SCORES) {
      PieceSpec piece = score.piece();
      double beat = 60e6 / piece.bpm();
      double grid = beat / Arranger.TICKS_PER_BEAT;
      // Guitar strums spread a chord over up to five strings; everything else is exactly on the grid.
      long tolerance = 4 * Arranger.STRUM_STEP_MICROS + 1;
      TreeSet<Long> onsets = new TreeSet<>();
      for (Part part : score.parts()) {
        assertThat(part.notes()).as(piece.name() + " " + part.tag()).allMatch(note -> {
          double offGrid = note.onMicros() - Math.floor(note.onMicros() / grid) * grid;
          return Math.min(offGrid, grid - offGrid) < tolerance;
        });
        part.notes().forEach(note -> onsets.add(note.onMicros()));
      }
      int beats = (int) Math.floor(SECONDS * 1e6 / beat);
      List<Integer> silentBeats = java.util.stream.IntStream.range(0, beats)
          .filter(b -> onsets.subSet(Math.round(b * beat) - 1, Math.round(b * beat) + 2).isEmpty()).boxed().toList();
      assertThat(silentBeats).as(piece.name() + " beats without an onset at " + piece.bpm() + " BPM").isEmpty();
    }
  }

  @Test
  void onsetRateSeparatesTheTempoBands() {
    // Beats per minute measured from the notes: onsets that fall on the beat, counted per minute.
    for (Score score : SCORES) {
      PieceSpec piece = score.piece();
      double beat = 60e6 / piece.bpm();
      List<Long> onBeat = score.parts().stream().flatMap(p -> p.notes().stream()).map(Note::onMicros).distinct()
          .filter(t -> Math.abs(t - Math.round(t / beat) * beat) <= 1).sorted().toList();
      double minutes = (onBeat.get(onBeat.size() - 1) - onBeat.get(0)) / 60e6;
      double measuredBpm = (onBeat.size() - 1) / minutes;
      assertThat(TempoBand.of((int) Math.round(measuredBpm))).as(piece.name() + " measured " + measuredBpm)
          .isEqualTo(piece.tempoBand());
    }
  }

  @Test
  void pitchedNotesStayInTheKeyAndTheTonicChordHasTheModesThird() {
    for (Score score : SCORES) {
      PieceSpec piece = score.piece();
      TreeSet<Integer> scale = new TreeSet<>();
      for (int degree = 0; degree < 7; degree++) {
        scale.add(Math.floorMod(piece.tonic() + piece.mode().semitones(degree), 12));
      }
      for (Part part : score.parts()) {
        boolean walkingBass = piece.style() == Style.JAZZ && part.tag().equals("bass"); // chromatic approach notes
        if (part.isDrums() || walkingBass) {
          continue;
        }
        assertThat(part.notes()).as(piece.name() + " " + part.tag()).allMatch(n -> scale.contains(n.key() % 12));
      }
      int third = Math.floorMod(piece.tonic() + (piece.mode() == Mode.MAJOR ? 4 : 3), 12);
      int otherThird = Math.floorMod(piece.tonic() + (piece.mode() == Mode.MAJOR ? 3 : 4), 12);
      assertThat(scale).contains(third).doesNotContain(otherThird);
      assertThat(score.parts().stream().filter(p -> !p.isDrums()).flatMap(p -> p.notes().stream()))
          .as(piece.name()).anyMatch(n -> n.key() % 12 == third);
    }
  }

  @Test
  void theSamePieceIsArrangedTheSameWay() {
    PieceSpec piece = SCORES.get(7).piece();
    assertThat(Arranger.arrange(piece, SECONDS)).isEqualTo(SCORES.get(7));
  }
}
