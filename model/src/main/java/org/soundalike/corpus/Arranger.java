package org.soundalike.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a {@link PieceSpec} into notes. Every tagged instrument plays in every bar, so any excerpt
 * of the track holds it; an untagged instrument gets no part at all. The drum kit plays only when
 * the piece has drums. All onsets lie on the beat grid of the piece's tempo (a sixteenth grid, or
 * the swung eighth of jazz), except guitar strums, whose strings follow each other by
 * {@link #STRUM_STEP_MICROS}; and every beat has an onset, so the tempo tag is heard: drums, bass,
 * chord and melody parts all strike on every beat, and held chords pulse on the beat when nothing
 * else does.
 */
public final class Arranger {

  /** Positions inside a beat are counted in twelfths: 6 is the straight eighth, 8 the swung one. */
  static final int TICKS_PER_BEAT = 12;

  static final long STRUM_STEP_MICROS = 12_000;

  /** One chord per bar, looping; indices are scale degrees (0 = tonic). */
  private static final int[][] MAJOR_PROGRESSIONS = {{0, 4, 5, 3}, {0, 3, 4, 0}, {0, 5, 3, 4}, {0, 3, 0, 4}};
  private static final int[][] MINOR_PROGRESSIONS = {{0, 5, 2, 6}, {0, 3, 4, 0}, {0, 6, 5, 6}, {0, 3, 6, 2}};
  private static final int[][] JAZZ_MAJOR = {{1, 4, 0, 0}, {0, 5, 1, 4}};
  private static final int[][] JAZZ_MINOR = {{1, 4, 0, 0}, {0, 3, 1, 4}};
  /** Melody rhythms in ticks, one bar each; a note starts on every beat, so the tune carries the pulse. */
  private static final int[][] RHYTHMS_4 = {
    {12, 12, 12, 12}, {6, 6, 12, 12, 12}, {12, 6, 6, 12, 12}, {12, 12, 6, 6, 12}, {6, 6, 6, 6, 12, 12},
    {12, 12, 12, 6, 6}};
  private static final int[][] RHYTHMS_3 = {{12, 12, 12}, {6, 6, 12, 12}, {12, 6, 6, 12}, {12, 12, 6, 6}};

  private final PieceSpec piece;
  private final double seconds;
  private final Style style;
  private final int beatsPerBar;
  private final double beatMicros;
  private final long endMicros;
  private final int bars;
  private final SplittableRandom random;
  private final Sections sections;

  private Arranger(PieceSpec piece, double seconds) {
    this.piece = piece;
    this.seconds = seconds;
    this.style = piece.style().feel();
    this.beatsPerBar = style.beatsPerBar();
    this.beatMicros = 60e6 / piece.bpm();
    this.endMicros = Math.round(seconds * 1e6);
    this.bars = (int) Math.ceil(endMicros / (beatMicros * beatsPerBar));
    this.random = new SplittableRandom(piece.arrangementSeed());
    int[][] choices = style == Style.JAZZ
        ? (piece.mode() == Mode.MAJOR ? JAZZ_MAJOR : JAZZ_MINOR)
        : (piece.mode() == Mode.MAJOR ? MAJOR_PROGRESSIONS : MINOR_PROGRESSIONS);
    int[] progression = choices[random.nextInt(choices.length)];
    // Its own random stream, so that v1's notes are drawn exactly as before sections existed.
    this.sections = Sections.draw(piece.variety().sectionBars(), bars, beatsPerBar * beatMicros, choices,
        progression, new SplittableRandom(Seeds.derive(piece.arrangementSeed(), Seeds.SECTIONS, 0)));
  }

  public static Score arrange(PieceSpec piece, double seconds) {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException(piece.name() + ": duration " + seconds + " s is not positive");
    }
    return new Arranger(piece, seconds).score();
  }

  private Score score() {
    List<Part> parts = new ArrayList<>();
    int[] melody = melodyDegrees();
    int[] rhythm = melodyRhythm();
    Instrument lead = piece.instruments().stream()
        .filter(i -> i.role() == Instrument.Role.MELODY && !isTechnoArpeggio(i)).findFirst().orElse(null);
    int channel = 0;
    for (Instrument instrument : piece.instruments()) {
      if (channel == Part.DRUM_CHANNEL) {
        channel++;
      }
      List<Note> notes = switch (instrument.role()) {
        case SUSTAIN -> sustained(instrument, !pulseElsewhere());
        case CHORDS -> sections.alternate(chords(instrument), () -> arpeggio(instrument, 6, 6));
        case BASS -> bass(instrument);
        case MELODY -> isTechnoArpeggio(instrument)
            ? arpeggio(instrument, 3, 2)
            : sections.registers(instrument == lead ? melody(instrument, melody, rhythm, 0)
                : harmony(instrument, melody, rhythm), instrument.lowKey(), instrument.highKey());
      };
      Variety variety = piece.variety();
      int reverb = variety.reverb() >= 0 ? variety.reverb() : style == Style.AMBIENT ? 90 : 40;
      parts.add(new Part(instrument.tag(), channel++, variety.program(instrument, style), variety.volume(instrument),
          reverb, sections.dynamics(notes)));
    }
    if (piece.drums()) {
      parts.add(new Part(Vocabulary.DRUMS, Part.DRUM_CHANNEL, 0, 120, 30,
          sections.dynamics(sections.breaks(drums(), HATS))));
    }
    return new Score(piece, seconds, parts);
  }

  /** Whether drums or a part that is not held chords strike every beat already. */
  private boolean pulseElsewhere() {
    return piece.drums() || piece.instruments().stream().anyMatch(i -> i.role() != Instrument.Role.SUSTAIN);
  }

  private boolean isTechnoArpeggio(Instrument instrument) {
    return instrument == Instrument.SYNTH_LEAD && style == Style.TECHNO;
  }

  // ---- time and harmony -------------------------------------------------------------------

  /** Start of {@code tick} (twelfths of a beat) after the start of {@code beat} of {@code bar}. */
  private long time(int bar, int beat, int tick) {
    double t = style.swing() && tick == 6 ? 8 : tick;
    return Math.round(((long) bar * beatsPerBar + beat + t / TICKS_PER_BEAT) * beatMicros);
  }

  private long ticks(int count) {
    return Math.round(count * beatMicros / TICKS_PER_BEAT);
  }

  private int chordDegree(int bar) {
    int[] chords = sections.progression(bar);
    return chords[bar % chords.length];
  }

  /** Semitones of chord tone {@code tone} (0 root, 1 third, 2 fifth) above the tonic. */
  private int chordTone(int bar, int tone) {
    return piece.mode().semitones(chordDegree(bar) + 2 * tone);
  }

  /** The lowest key at or above {@code low} with the pitch class of the tonic. */
  private int tonicAtOrAbove(int low) {
    return low + Math.floorMod(piece.tonic() - low, 12);
  }

  /** The chord of {@code bar} voiced close from its root, the root in the octave above {@code low}. */
  private int[] voicing(int bar, int low, int size) {
    int root = low + Math.floorMod(piece.tonic() + chordTone(bar, 0) - low, 12);
    int[] keys = new int[size];
    for (int i = 0; i < size; i++) {
      int tone = i % 3;
      keys[i] = root + chordTone(bar, tone) - chordTone(bar, 0) + 12 * (i / 3);
    }
    return keys;
  }

  private int velocity(int base) {
    return Math.max(1, Math.min(127, base + random.nextInt(-6, 7)));
  }

  private void add(List<Note> notes, long on, long off, int key, int velocity) {
    if (on < endMicros) {
      notes.add(new Note(on, Math.max(on + 1, off), key, velocity));
    }
  }

  // ---- parts ------------------------------------------------------------------------------

  /** Pads, strings, organ, brass: the bar's chord held, struck again at each bar (or each beat). */
  private List<Note> sustained(Instrument instrument, boolean everyBeat) {
    List<Note> notes = new ArrayList<>();
    int size = instrument == Instrument.BRASS ? 3 : 4;
    int strikes = everyBeat ? beatsPerBar : 1;
    for (int bar = 0; bar < bars; bar++) {
      int[] keys = voicing(bar, instrument.lowKey() + 7, size);
      for (int strike = 0; strike < strikes; strike++) {
        int beats = beatsPerBar / strikes;
        long on = time(bar, strike * beats, 0);
        long off = time(bar, (strike + 1) * beats, 0) - 20_000;
        int v = velocity(strike == 0 ? 85 : 75);
        for (int key : keys) {
          add(notes, on, off, key, v);
        }
      }
    }
    return notes;
  }

  /** Piano and guitars: comping, strumming or arpeggios, by instrument and style. */
  private List<Note> chords(Instrument instrument) {
    boolean arpeggiated = style == Style.BALLAD || style == Style.AMBIENT;
    if (arpeggiated) {
      return arpeggio(instrument, style == Style.AMBIENT ? 12 : 6, style == Style.AMBIENT ? 12 : 6);
    }
    return switch (instrument) {
      case ACOUSTIC_GUITAR -> strums(instrument);
      case ELECTRIC_GUITAR -> style == Style.ROCK ? rockChords(instrument) : struck(instrument, onBeats(style == Style.JAZZ ? 8 : 5));
      default -> style == Style.WALTZ ? waltzPiano(instrument) : struck(instrument, pianoHits());
    };
  }

  private int[][] pianoHits() {
    if (style == Style.JAZZ) {
      return new int[][] {{0, 0, 8}, {1, 0, 4}, {1, 6, 4}, {2, 0, 8}, {3, 0, 8}};
    }
    int[][] hits = new int[beatsPerBar][];
    for (int beat = 0; beat < beatsPerBar; beat++) {
      hits[beat] = new int[] {beat, 0, 10};
    }
    return hits;
  }

  private int[][] onBeats(int lengthTicks) {
    int[][] hits = new int[beatsPerBar][];
    for (int beat = 0; beat < beatsPerBar; beat++) {
      hits[beat] = new int[] {beat, 0, lengthTicks};
    }
    return hits;
  }

  /** Chords at {@code {beat, tick, length in ticks}} positions in every bar. */
  private List<Note> struck(Instrument instrument, int[][] hits) {
    List<Note> notes = new ArrayList<>();
    for (int bar = 0; bar < bars; bar++) {
      int[] keys = voicing(bar, instrument.lowKey() + 10, 3);
      for (int[] hit : hits) {
        long on = time(bar, hit[0], hit[1]);
        int v = velocity(90);
        for (int key : keys) {
          add(notes, on, on + ticks(hit[2]), key, v);
        }
      }
    }
    return notes;
  }

  /** Oom-pah-pah: a low root on the downbeat, the chord on beats two and three. */
  private List<Note> waltzPiano(Instrument instrument) {
    List<Note> notes = new ArrayList<>();
    for (int bar = 0; bar < bars; bar++) {
      int root = voicing(bar, instrument.lowKey() - 12, 1)[0];
      add(notes, time(bar, 0, 0), time(bar, 1, 0) - 10_000, root, velocity(85));
      int[] keys = voicing(bar, instrument.lowKey() + 7, 3);
      for (int beat = 1; beat < 3; beat++) {
        int v = velocity(70);
        for (int key : keys) {
          add(notes, time(bar, beat, 0), time(bar, beat + 1, 0) - 10_000, key, v);
        }
      }
    }
    return notes;
  }

  /** The chord's tones one after another, up and down, every {@code stepTicks}. */
  private List<Note> arpeggio(Instrument instrument, int stepTicks, int lengthTicks) {
    List<Note> notes = new ArrayList<>();
    int[] order = {0, 1, 2, 3, 4, 3, 2, 1};
    int stepsPerBar = beatsPerBar * TICKS_PER_BEAT / stepTicks;
    for (int bar = 0; bar < bars; bar++) {
      int[] keys = voicing(bar, instrument.lowKey() + 5, 5);
      for (int step = 0; step < stepsPerBar; step++) {
        int tick = step * stepTicks;
        long on = time(bar, tick / TICKS_PER_BEAT, tick % TICKS_PER_BEAT);
        add(notes, on, on + ticks(lengthTicks) - 5_000, keys[order[step % order.length]], velocity(95));
      }
    }
    return notes;
  }

  /** Acoustic guitar: down and up strokes, each string a little after the previous one. */
  private List<Note> strums(Instrument instrument) {
    int[][] strokes = style == Style.WALTZ
        ? new int[][] {{0, 0, 1}, {1, 0, 1}, {2, 0, 1}}
        : new int[][] {{0, 0, 1}, {1, 0, 1}, {1, 6, 0}, {2, 0, 1}, {2, 6, 0}, {3, 0, 1}, {3, 6, 0}};
    List<Note> notes = new ArrayList<>();
    for (int bar = 0; bar < bars; bar++) {
      int[] keys = voicing(bar, instrument.lowKey(), 5);
      for (int s = 0; s < strokes.length; s++) {
        int[] stroke = strokes[s];
        long on = time(bar, stroke[0], stroke[1]);
        long next = s + 1 < strokes.length ? time(bar, strokes[s + 1][0], strokes[s + 1][1]) : time(bar + 1, 0, 0);
        boolean down = stroke[2] == 1;
        int v = velocity(down ? 85 : 70);
        for (int string = 0; string < keys.length; string++) {
          int key = keys[down ? string : keys.length - 1 - string];
          add(notes, on + string * STRUM_STEP_MICROS, next - 5_000, key, v);
        }
      }
    }
    return notes;
  }

  /**
   * Rock guitar: the chord in straight eighths. Full triads rather than power chords (root and
   * fifth), which would leave the mode to the other parts.
   */
  private List<Note> rockChords(Instrument instrument) {
    List<Note> notes = new ArrayList<>();
    for (int bar = 0; bar < bars; bar++) {
      int[] keys = voicing(bar, instrument.lowKey() + 2, 4);
      for (int eighth = 0; eighth < 2 * beatsPerBar; eighth++) {
        long on = time(bar, eighth / 2, 6 * (eighth % 2));
        int v = velocity(eighth % 2 == 0 ? 90 : 75);
        for (int key : keys) {
          add(notes, on, on + ticks(5), key, v);
        }
      }
    }
    return notes;
  }

  private List<Note> bass(Instrument instrument) {
    List<Note> notes = new ArrayList<>();
    for (int bar = 0; bar < bars; bar++) {
      int root = voicing(bar, instrument.lowKey() + 5, 1)[0];
      int fifth = root + chordTone(bar, 2) - chordTone(bar, 0);
      switch (style) {
        case ROCK -> {
          for (int eighth = 0; eighth < 2 * beatsPerBar; eighth++) {
            long on = time(bar, eighth / 2, 6 * (eighth % 2));
            add(notes, on, on + ticks(5), root, velocity(eighth % 2 == 0 ? 95 : 80));
          }
        }
        case TECHNO -> {
          for (int beat = 0; beat < beatsPerBar; beat++) {
            long on = time(bar, beat, 6);
            add(notes, on, on + ticks(5), root, velocity(95));
          }
        }
        case JAZZ -> {
          int nextRoot = voicing(bar + 1, instrument.lowKey() + 5, 1)[0];
          int third = root + chordTone(bar, 1) - chordTone(bar, 0);
          int approach = nextRoot + (random.nextBoolean() ? 1 : -1);
          int[] walk = {root, third, fifth, approach};
          for (int beat = 0; beat < beatsPerBar; beat++) {
            long on = time(bar, beat, 0);
            add(notes, on, on + ticks(11), walk[beat], velocity(90));
          }
        }
        case WALTZ -> {
          add(notes, time(bar, 0, 0), time(bar, 1, 0) - 10_000, root, velocity(95));
          add(notes, time(bar, 1, 0), time(bar, 2, 0) - 10_000, fifth, velocity(80));
          add(notes, time(bar, 2, 0), time(bar, 3, 0) - 10_000, fifth, velocity(80));
        }
        case BALLAD -> {
          int[] line = {root, root, fifth, root};
          for (int beat = 0; beat < beatsPerBar; beat++) {
            add(notes, time(bar, beat, 0), time(bar, beat + 1, 0) - 10_000, line[beat], velocity(beat % 2 == 0 ? 90 : 78));
          }
        }
        case FOLK -> {
          for (int beat = 0; beat < beatsPerBar; beat++) {
            add(notes, time(bar, beat, 0), time(bar, beat, 10), beat % 2 == 0 ? root : fifth, velocity(90));
          }
        }
        case AMBIENT -> {
          for (int beat = 0; beat < beatsPerBar; beat++) {
            add(notes, time(bar, beat, 0), time(bar, beat + 1, 0) - 20_000, root, velocity(beat == 0 ? 90 : 75));
          }
        }
      }
    }
    return notes;
  }

  // ---- melody -----------------------------------------------------------------------------

  /** One bar's rhythm per bar, as note lengths in ticks; no rest, so the tune never stops. */
  private int[] melodyRhythm() {
    int[][] choices = beatsPerBar == 3 ? RHYTHMS_3 : RHYTHMS_4;
    int[] rhythm = new int[bars];
    for (int bar = 0; bar < bars; bar++) {
      rhythm[bar] = random.nextInt(choices.length);
    }
    return rhythm;
  }

  /**
   * Scale degrees of the tune (0 = tonic, 7 = its octave), a random walk by small steps that
   * lands on a chord tone at every downbeat. Enough degrees for the densest rhythm of every bar.
   */
  private int[] melodyDegrees() {
    int perBar = 2 * beatsPerBar;
    int[] degrees = new int[bars * perBar];
    int degree = 4;
    for (int bar = 0; bar < bars; bar++) {
      for (int n = 0; n < perBar; n++) {
        if (n == 0) {
          degree = nearestChordTone(degree, chordDegree(bar));
        } else {
          degree += random.nextInt(-2, 3);
          degree = degree < 0 ? -degree : degree > 9 ? 18 - degree : degree;
        }
        degrees[bar * perBar + n] = degree;
      }
    }
    return degrees;
  }

  private static int nearestChordTone(int degree, int chordRoot) {
    int best = -1;
    for (int candidate = 0; candidate <= 9; candidate++) {
      if (isChordTone(candidate, chordRoot) && (best < 0 || Math.abs(candidate - degree) < Math.abs(best - degree))) {
        best = candidate;
      }
    }
    return best;
  }

  private static boolean isChordTone(int degree, int chordRoot) {
    int interval = Math.floorMod(degree - chordRoot, 7);
    return interval == 0 || interval == 2 || interval == 4;
  }

  private List<Note> melody(Instrument instrument, int[] degrees, int[] rhythm, int shift) {
    int base = tonicAtOrAbove(instrument.lowKey() + (shift < 0 ? 4 : 0));
    int[][] choices = beatsPerBar == 3 ? RHYTHMS_3 : RHYTHMS_4;
    List<Note> notes = new ArrayList<>();
    int perBar = 2 * beatsPerBar;
    for (int bar = 0; bar < bars; bar++) {
      int tick = 0;
      int[] lengths = choices[rhythm[bar]];
      for (int n = 0; n < lengths.length; n++) {
        long on = time(bar, tick / TICKS_PER_BEAT, tick % TICKS_PER_BEAT);
        tick += lengths[n];
        long next = tick == beatsPerBar * TICKS_PER_BEAT
            ? time(bar + 1, 0, 0) : time(bar, tick / TICKS_PER_BEAT, tick % TICKS_PER_BEAT);
        int key = base + piece.mode().semitones(degrees[bar * perBar + n] + shift);
        add(notes, on, next - 15_000, key, velocity(shift < 0 ? 80 : 92));
      }
    }
    return notes;
  }

  /** A second melody instrument doubles the tune a third below, in its own register. */
  private List<Note> harmony(Instrument instrument, int[] degrees, int[] rhythm) {
    return melody(instrument, degrees, rhythm, -2);
  }

  // ---- drums ------------------------------------------------------------------------------

  private static final int KICK = 36;
  private static final int SIDE_STICK = 37;
  private static final int SNARE = 38;
  private static final int CLAP = 39;
  private static final int CLOSED_HAT = 42;
  private static final int PEDAL_HAT = 44;
  private static final int OPEN_HAT = 46;
  private static final int RIDE = 51;
  private static final int TAMBOURINE = 54;
  /** What a drum break leaves out: the kick, snare, side-stick, clap and ride still mark every beat. */
  private static final java.util.Set<Integer> HATS = java.util.Set.of(CLOSED_HAT, PEDAL_HAT, OPEN_HAT, TAMBOURINE);

  /** {@code {key, beat, tick, velocity}} hits of one bar of the style's groove. */
  private int[][] groove() {
    List<int[]> hits = new ArrayList<>();
    switch (style) {
      case ROCK -> {
        hits.add(new int[] {KICK, 0, 0, 110});
        hits.add(new int[] {KICK, 2, 0, 105});
        hits.add(new int[] {KICK, 2, 6, 90});
        hits.add(new int[] {SNARE, 1, 0, 110});
        hits.add(new int[] {SNARE, 3, 0, 110});
        eighths(hits, CLOSED_HAT, 80);
      }
      case TECHNO -> {
        for (int beat = 0; beat < 4; beat++) {
          hits.add(new int[] {KICK, beat, 0, 115});
          hits.add(new int[] {OPEN_HAT, beat, 6, 80});
          hits.add(new int[] {CLOSED_HAT, beat, 3, 60});
          hits.add(new int[] {CLOSED_HAT, beat, 9, 60});
        }
        hits.add(new int[] {CLAP, 1, 0, 100});
        hits.add(new int[] {CLAP, 3, 0, 100});
      }
      case JAZZ -> {
        for (int beat = 0; beat < 4; beat++) {
          hits.add(new int[] {RIDE, beat, 0, 105});
        }
        hits.add(new int[] {RIDE, 1, 8, 90});
        hits.add(new int[] {RIDE, 3, 8, 90});
        hits.add(new int[] {PEDAL_HAT, 1, 0, 75});
        hits.add(new int[] {PEDAL_HAT, 3, 0, 75});
        hits.add(new int[] {KICK, 0, 0, 60});
      }
      case WALTZ -> {
        hits.add(new int[] {KICK, 0, 0, 100});
        hits.add(new int[] {SIDE_STICK, 1, 0, 85});
        hits.add(new int[] {SIDE_STICK, 2, 0, 85});
        for (int beat = 0; beat < 3; beat++) {
          hits.add(new int[] {CLOSED_HAT, beat, 0, 70});
        }
      }
      case BALLAD -> {
        hits.add(new int[] {KICK, 0, 0, 95});
        hits.add(new int[] {KICK, 2, 0, 90});
        hits.add(new int[] {SIDE_STICK, 1, 0, 105});
        hits.add(new int[] {SIDE_STICK, 3, 0, 105});
        eighths(hits, CLOSED_HAT, 80);
      }
      case FOLK -> {
        hits.add(new int[] {KICK, 0, 0, 100});
        hits.add(new int[] {KICK, 2, 0, 95});
        hits.add(new int[] {SNARE, 1, 0, 90});
        hits.add(new int[] {SNARE, 3, 0, 90});
        eighths(hits, TAMBOURINE, 70);
      }
      case AMBIENT -> throw new IllegalStateException(piece.name() + ": the ambient style has no drums");
    }
    return hits.toArray(new int[0][]);
  }

  private void eighths(List<int[]> hits, int key, int velocity) {
    for (int eighth = 0; eighth < 2 * beatsPerBar; eighth++) {
      hits.add(new int[] {key, eighth / 2, 6 * (eighth % 2), eighth % 2 == 0 ? velocity : velocity - 15});
    }
  }

  private List<Note> drums() {
    int[][] groove = groove();
    List<Note> notes = new ArrayList<>();
    for (int bar = 0; bar < bars; bar++) {
      for (int[] hit : groove) {
        long on = time(bar, hit[1], hit[2]);
        add(notes, on, on + 100_000, hit[0], velocity(hit[3]));
      }
    }
    return notes;
  }
}
