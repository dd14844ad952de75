package org.soundalike.corpus;

import java.util.List;

/**
 * The instrument tags and how each is played: its General MIDI program (which may depend on the
 * style, as a rock guitar is overdriven and a techno bass is a synth bass), its register and its
 * role in the arrangement.
 */
public enum Instrument {
  PIANO("piano", Role.CHORDS, 0, 48, 84, 127),
  ACOUSTIC_GUITAR("acoustic guitar", Role.CHORDS, 25, 45, 76, 110),
  ELECTRIC_GUITAR("electric guitar", Role.CHORDS, 27, 40, 76, 108),
  STRINGS("strings", Role.SUSTAIN, 48, 48, 84, 95),
  BRASS("brass", Role.SUSTAIN, 61, 50, 79, 85),
  ORGAN("organ", Role.SUSTAIN, 16, 48, 84, 90),
  SYNTH_PAD("synth pad", Role.SUSTAIN, 89, 48, 84, 60),
  FLUTE("flute", Role.MELODY, 73, 67, 93, 110),
  SAXOPHONE("saxophone", Role.MELODY, 65, 55, 79, 100),
  SYNTH_LEAD("synth lead", Role.MELODY, 81, 60, 86, 90),
  VIBRAPHONE("vibraphone", Role.MELODY, 11, 60, 86, 127),
  BASS("bass", Role.BASS, 33, 28, 52, 120),
  // corpus v2 only
  ELECTRIC_PIANO("electric piano", Role.CHORDS, 4, 48, 84, 120),
  VIOLIN("violin", Role.MELODY, 40, 62, 91, 110),
  CELLO("cello", Role.MELODY, 42, 43, 67, 120),
  TRUMPET("trumpet", Role.MELODY, 56, 58, 82, 95),
  CLARINET("clarinet", Role.MELODY, 71, 55, 84, 110),
  MARIMBA("marimba", Role.MELODY, 12, 55, 84, 127),
  BELLS("bells", Role.MELODY, 9, 72, 96, 110),
  HARP("harp", Role.CHORDS, 46, 43, 84, 127),
  ACCORDION("accordion", Role.SUSTAIN, 21, 53, 79, 95),
  VOICE("voice", Role.SUSTAIN, 52, 55, 79, 110);

  /** Corpus v1's instruments (its vocabulary lists them in this order). */
  public static final List<Instrument> V1 = List.of(PIANO, ACOUSTIC_GUITAR, ELECTRIC_GUITAR, STRINGS, BRASS,
      ORGAN, SYNTH_PAD, FLUTE, SAXOPHONE, SYNTH_LEAD, VIBRAPHONE, BASS);

  /** What the instrument contributes to a piece. */
  public enum Role {
    /** Chords held for the whole bar. */
    SUSTAIN,
    /** Chords struck in a rhythm (comping, strumming, arpeggios). */
    CHORDS,
    /** The tune, or a harmony a third below it. */
    MELODY,
    /** The bass line. */
    BASS
  }

  private final String tag;
  private final Role role;
  private final int program;
  private final int lowKey;
  private final int highKey;
  private final int volume;

  Instrument(String tag, Role role, int program, int lowKey, int highKey, int volume) {
    this.tag = tag;
    this.role = role;
    this.program = program;
    this.lowKey = lowKey;
    this.highKey = highKey;
    this.volume = volume;
  }

  public String tag() {
    return tag;
  }

  public Role role() {
    return role;
  }

  /** Lowest and highest MIDI key the part may use. */
  public int lowKey() {
    return lowKey;
  }

  public int highKey() {
    return highKey;
  }

  /** Channel volume (MIDI controller 7): balances the soundfont's presets so each part is heard. */
  public int volume() {
    return volume;
  }

  /** The General MIDI program (0-based) this instrument uses in {@code style}. */
  public int program(Style style) {
    return switch (this) {
      case ELECTRIC_GUITAR -> switch (style) {
        case ROCK -> 29; // overdriven guitar
        case JAZZ -> 26; // jazz guitar
        default -> program;
      };
      case ORGAN -> style == Style.ROCK ? 18 : program; // rock organ
      case BASS -> switch (style) {
        case TECHNO -> 38; // synth bass
        case JAZZ, WALTZ -> 32; // acoustic (upright) bass
        default -> program;
      };
      case SAXOPHONE -> style == Style.JAZZ ? 66 : program; // tenor in jazz, alto elsewhere
      case SYNTH_PAD -> style == Style.TECHNO ? 90 : program; // polysynth pad in techno
      default -> program;
    };
  }

  /**
   * The General MIDI programs (0-based) corpus v2 draws this instrument's sound from in {@code style}:
   * several per family where General MIDI has them, so that a tag is heard through more than one
   * timbre. Styles with a characteristic sound keep it (an overdriven guitar in rock). Programs
   * whose samples do not cover the instrument's register are left out (FluidR3's baritone sax is
   * silent above about 70).
   */
  public List<Integer> programs(Style style) {
    return switch (this) {
      case PIANO -> List.of(0, 1, 2, 3);
      case ELECTRIC_PIANO -> List.of(4, 5, 7);
      case ACOUSTIC_GUITAR -> List.of(24, 25);
      case ELECTRIC_GUITAR -> switch (style) {
        case ROCK -> List.of(29, 30, 27);
        case METAL -> List.of(30, 29);
        case JAZZ, LOUNGE -> List.of(26, 27);
        default -> List.of(26, 27, 28, 29);
      };
      case STRINGS -> List.of(48, 49, 50, 44);
      case BRASS -> List.of(61, 62, 63);
      case ORGAN -> style == Style.ROCK || style == Style.METAL ? List.of(18, 17) : List.of(16, 17, 18, 19);
      case SYNTH_PAD -> List.of(88, 89, 90, 91, 94, 95);
      case FLUTE -> List.of(73, 72, 74, 75);
      case SAXOPHONE -> List.of(64, 65, 66);
      case SYNTH_LEAD -> List.of(80, 81, 84, 87);
      case BASS -> switch (style.feel()) {
        case TECHNO -> List.of(38, 39);
        case JAZZ -> List.of(32);
        case ROCK -> List.of(33, 34, 35);
        default -> List.of(32, 33, 34, 35, 36);
      };
      case VIOLIN -> List.of(40, 41, 110);
      case CELLO -> List.of(42);
      case TRUMPET -> List.of(56, 59);
      case MARIMBA -> List.of(12, 13);
      case BELLS -> List.of(8, 9, 10);
      case ACCORDION -> List.of(21, 23);
      case VOICE -> List.of(52, 53, 54);
      default -> List.of(program);
    };
  }
}
