package org.soundalike.corpus;

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
  BASS("bass", Role.BASS, 33, 28, 52, 120);

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
}
