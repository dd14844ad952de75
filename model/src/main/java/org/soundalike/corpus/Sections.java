package org.soundalike.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Corpus v2's arrangement changes: the track is cut into sections of a few bars, and each section
 * draws its own chord progression, dynamics (one velocity offset for every part, so the parts keep
 * their balance), melody register, chord pattern and whether the drums drop their hats. Two
 * excerpts of a track then differ in more than their notes. With no sections (v1) every method
 * returns its input: one arrangement over the whole track.
 */
final class Sections {

  private final double barMicros;
  private final int sectionBars;
  private final int[][] progressions;
  private final int[] velocityOffsets;
  private final boolean[] alternatePattern;
  private final int[] octaveDirections;
  private final boolean[] drumBreak;

  private Sections(double barMicros, int sectionBars, int[][] progressions, int[] velocityOffsets,
      boolean[] alternatePattern, int[] octaveDirections, boolean[] drumBreak) {
    this.barMicros = barMicros;
    this.sectionBars = sectionBars;
    this.progressions = progressions;
    this.velocityOffsets = velocityOffsets;
    this.alternatePattern = alternatePattern;
    this.octaveDirections = octaveDirections;
    this.drumBreak = drumBreak;
  }

  /**
   * @param sectionBars bars per section; 0 keeps {@code progression} and the patterns for the whole track
   * @param choices the progressions the piece's style and mode may use
   */
  static Sections draw(int sectionBars, int bars, double barMicros, int[][] choices, int[] progression,
      SplittableRandom random) {
    int count = sectionBars > 0 ? Math.max(1, (bars + sectionBars - 1) / sectionBars) : 1;
    int[][] progressions = new int[count][];
    int[] velocityOffsets = new int[count];
    boolean[] alternate = new boolean[count];
    int[] octaves = new int[count];
    boolean[] breaks = new boolean[count];
    progressions[0] = progression;
    for (int s = 1; s < count; s++) {
      progressions[s] = choices[random.nextInt(choices.length)];
    }
    if (sectionBars > 0) {
      for (int s = 0; s < count; s++) {
        velocityOffsets[s] = random.nextInt(-14, 7);
        alternate[s] = s > 0 && random.nextDouble() < 0.4;
        octaves[s] = s > 0 && random.nextDouble() < 0.4 ? 1 : 0;
        breaks[s] = s > 0 && random.nextDouble() < 0.3;
      }
    }
    return new Sections(barMicros, sectionBars, progressions, velocityOffsets, alternate, octaves, breaks);
  }

  int[] progression(int bar) {
    return progressions[section(bar)];
  }

  /** Every note shifted by its section's velocity offset. */
  List<Note> dynamics(List<Note> notes) {
    if (sectionBars == 0) {
      return notes;
    }
    return notes.stream().map(n -> {
      int velocity = Math.max(1, Math.min(127, n.velocity() + velocityOffsets[sectionOf(n)]));
      return new Note(n.onMicros(), n.offMicros(), n.key(), velocity);
    }).toList();
  }

  /** The notes of {@code usual} in most sections, those of {@code alternative} in the others. */
  List<Note> alternate(List<Note> usual, Supplier<List<Note>> alternative) {
    if (sectionBars == 0) {
      return usual;
    }
    List<Note> other = alternative.get();
    List<Note> notes = new ArrayList<>();
    usual.stream().filter(n -> !alternatePattern[sectionOf(n)]).forEach(notes::add);
    other.stream().filter(n -> alternatePattern[sectionOf(n)]).forEach(notes::add);
    notes.sort(java.util.Comparator.comparingLong(Note::onMicros));
    return notes;
  }

  /**
   * A melody an octave up in the sections that ask for it, or down when up would leave the
   * instrument's register (some soundfont programs are silent outside it); unchanged when neither fits.
   */
  List<Note> registers(List<Note> notes, int lowKey, int highKey) {
    if (sectionBars == 0) {
      return notes;
    }
    int[] shift = new int[progressions.length];
    for (int s = 0; s < shift.length; s++) {
      if (octaveDirections[s] == 0) {
        continue;
      }
      int section = s;
      List<Note> in = notes.stream().filter(n -> sectionOf(n) == section).toList();
      int high = in.stream().mapToInt(Note::key).max().orElse(lowKey);
      int low = in.stream().mapToInt(Note::key).min().orElse(highKey);
      shift[s] = high + 12 <= highKey ? 12 : low - 12 >= lowKey ? -12 : 0;
    }
    return notes.stream()
        .map(n -> new Note(n.onMicros(), n.offMicros(), n.key() + shift[sectionOf(n)], n.velocity()))
        .toList();
  }

  /** The drum hits without {@code dropped} keys in the sections that are breaks. */
  List<Note> breaks(List<Note> notes, Set<Integer> dropped) {
    if (sectionBars == 0) {
      return notes;
    }
    return notes.stream().filter(n -> !(drumBreak[sectionOf(n)] && dropped.contains(n.key()))).toList();
  }

  private int section(int bar) {
    return sectionBars == 0 ? 0 : Math.min(progressions.length - 1, bar / sectionBars);
  }

  /** A note belongs to the bar it starts in (a millisecond of slack for rounding and strums). */
  private int sectionOf(Note note) {
    return section((int) ((note.onMicros() + 1_000) / barMicros));
  }
}
