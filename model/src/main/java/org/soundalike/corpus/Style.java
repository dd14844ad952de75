package org.soundalike.corpus;

import static java.util.Map.entry;
import static org.soundalike.corpus.Instrument.ACCORDION;
import static org.soundalike.corpus.Instrument.ACOUSTIC_GUITAR;
import static org.soundalike.corpus.Instrument.BASS;
import static org.soundalike.corpus.Instrument.BELLS;
import static org.soundalike.corpus.Instrument.BRASS;
import static org.soundalike.corpus.Instrument.CELLO;
import static org.soundalike.corpus.Instrument.CLARINET;
import static org.soundalike.corpus.Instrument.ELECTRIC_GUITAR;
import static org.soundalike.corpus.Instrument.ELECTRIC_PIANO;
import static org.soundalike.corpus.Instrument.FLUTE;
import static org.soundalike.corpus.Instrument.HARP;
import static org.soundalike.corpus.Instrument.MARIMBA;
import static org.soundalike.corpus.Instrument.ORGAN;
import static org.soundalike.corpus.Instrument.PIANO;
import static org.soundalike.corpus.Instrument.SAXOPHONE;
import static org.soundalike.corpus.Instrument.STRINGS;
import static org.soundalike.corpus.Instrument.SYNTH_LEAD;
import static org.soundalike.corpus.Instrument.SYNTH_PAD;
import static org.soundalike.corpus.Instrument.TRUMPET;
import static org.soundalike.corpus.Instrument.VIBRAPHONE;
import static org.soundalike.corpus.Instrument.VIOLIN;
import static org.soundalike.corpus.Instrument.VOICE;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The style (genre) tags and their realistic co-occurrences: a style fixes the metre and the feel
 * (swing), bounds the tempo, says how likely drums and the major mode are, and gives each
 * instrument the probability that it plays. An instrument absent from a style's table never
 * appears in it.
 *
 * <p>The first seven are corpus v1's styles, each with its own grooves and patterns. The others
 * exist in corpus v2 only: each plays with the patterns of a v1 style (its {@link #feel()}) but has
 * its own tempo range, mode, drum probability and instruments, as sub-genres do in a real catalog.
 */
public enum Style {
  WALTZ("waltz", 3, false, 70, 160, 0.35, 0.65,
      Map.of(PIANO, 0.7, STRINGS, 0.6, BASS, 0.6, FLUTE, 0.35, ACOUSTIC_GUITAR, 0.25,
          BRASS, 0.1, VIBRAPHONE, 0.1, ORGAN, 0.1)),
  ROCK("rock", 4, false, 95, 160, 1.0, 0.5,
      Map.of(ELECTRIC_GUITAR, 1.0, BASS, 0.95, ORGAN, 0.3, PIANO, 0.25, ACOUSTIC_GUITAR, 0.15,
          SYNTH_LEAD, 0.1, BRASS, 0.1)),
  AMBIENT("ambient", 4, false, 60, 84, 0.0, 0.5,
      Map.of(SYNTH_PAD, 1.0, PIANO, 0.4, STRINGS, 0.4, VIBRAPHONE, 0.3, FLUTE, 0.25, BASS, 0.2,
          SYNTH_LEAD, 0.1)),
  TECHNO("techno", 4, false, 122, 140, 1.0, 0.2,
      Map.of(BASS, 0.95, SYNTH_LEAD, 0.75, SYNTH_PAD, 0.5, ORGAN, 0.1, PIANO, 0.05)),
  BALLAD("ballad", 4, false, 60, 95, 0.5, 0.55,
      Map.of(PIANO, 0.8, BASS, 0.7, STRINGS, 0.6, ACOUSTIC_GUITAR, 0.4, SAXOPHONE, 0.25,
          FLUTE, 0.2, ELECTRIC_GUITAR, 0.15, SYNTH_PAD, 0.15)),
  JAZZ("jazz", 4, true, 80, 180, 0.9, 0.7,
      Map.of(BASS, 1.0, PIANO, 0.8, SAXOPHONE, 0.6, BRASS, 0.35, VIBRAPHONE, 0.3,
          ELECTRIC_GUITAR, 0.25, FLUTE, 0.1)),
  FOLK("folk", 4, false, 85, 140, 0.3, 0.7,
      Map.of(ACOUSTIC_GUITAR, 1.0, BASS, 0.45, FLUTE, 0.4, STRINGS, 0.35, PIANO, 0.2,
          ORGAN, 0.05)),

  // ---- corpus v2 only ------------------------------------------------------------------------
  POP("pop", FOLK, 96, 128, 0.9, 0.8, Map.ofEntries(entry(PIANO, 0.35), entry(ELECTRIC_PIANO, 0.2),
      entry(ACOUSTIC_GUITAR, 0.3), entry(ELECTRIC_GUITAR, 0.2), entry(SYNTH_PAD, 0.15), entry(VOICE, 0.2),
      entry(STRINGS, 0.1), entry(MARIMBA, 0.1), entry(BELLS, 0.1), entry(BASS, 0.9))),
  METAL("metal", ROCK, 140, 180, 1.0, 0.1, Map.of(ELECTRIC_GUITAR, 1.0, BASS, 1.0, ORGAN, 0.15,
      SYNTH_LEAD, 0.1, VOICE, 0.1)),
  HOUSE("house", TECHNO, 118, 128, 1.0, 0.6, Map.of(PIANO, 0.3, ELECTRIC_PIANO, 0.3, ORGAN, 0.25,
      SYNTH_PAD, 0.3, VOICE, 0.15, SYNTH_LEAD, 0.1, BASS, 0.95)),
  TRANCE("trance", TECHNO, 134, 145, 1.0, 0.2, Map.of(SYNTH_LEAD, 0.8, SYNTH_PAD, 0.6, STRINGS, 0.2,
      VOICE, 0.1, BASS, 0.95)),
  DOWNTEMPO("downtempo", BALLAD, 70, 100, 0.9, 0.4, Map.of(ELECTRIC_PIANO, 0.5, SYNTH_PAD, 0.4,
      VIBRAPHONE, 0.15, FLUTE, 0.1, ELECTRIC_GUITAR, 0.1, SYNTH_LEAD, 0.15, BASS, 0.9)),
  CLASSICAL("classical", BALLAD, 66, 120, 0.0, 0.6, Map.ofEntries(entry(STRINGS, 0.45), entry(VIOLIN, 0.3),
      entry(CELLO, 0.25), entry(PIANO, 0.3), entry(FLUTE, 0.15), entry(CLARINET, 0.35), entry(HARP, 0.2),
      entry(BASS, 0.3))),
  SOUNDTRACK("soundtrack", AMBIENT, 60, 84, 0.0, 0.35, Map.ofEntries(entry(STRINGS, 0.5), entry(BRASS, 0.25),
      entry(VOICE, 0.2), entry(BELLS, 0.35), entry(PIANO, 0.2), entry(SYNTH_PAD, 0.2), entry(CELLO, 0.1),
      entry(HARP, 0.15), entry(TRUMPET, 0.2), entry(BASS, 0.3))),
  LOUNGE("lounge", JAZZ, 80, 120, 0.8, 0.7, Map.of(ELECTRIC_PIANO, 0.45, VIBRAPHONE, 0.3, FLUTE, 0.2,
      SAXOPHONE, 0.2, MARIMBA, 0.3, TRUMPET, 0.3, CLARINET, 0.2, ELECTRIC_GUITAR, 0.1, BASS, 1.0)),
  COUNTRY("country", FOLK, 100, 150, 0.7, 0.9, Map.of(ACOUSTIC_GUITAR, 0.7, VIOLIN, 0.4, ACCORDION, 0.2,
      ELECTRIC_GUITAR, 0.2, PIANO, 0.15, BASS, 0.8)),
  WORLD("world", WALTZ, 90, 150, 0.5, 0.5, Map.of(ACCORDION, 0.45, MARIMBA, 0.45, FLUTE, 0.25, TRUMPET, 0.35,
      ACOUSTIC_GUITAR, 0.25, CLARINET, 0.3, BELLS, 0.2, BASS, 0.7));

  /** Electronic music: the parent genre tag the electronic styles also carry in corpus v2. */
  public static final String ELECTRONIC = "electronic";

  /** Corpus v1's styles, in the order its generator draws from. */
  public static final List<Style> V1 = List.of(WALTZ, ROCK, AMBIENT, TECHNO, BALLAD, JAZZ, FOLK);

  private final String tag;
  private final Style feel;
  private final int beatsPerBar;
  private final boolean swing;
  private final int minBpm;
  private final int maxBpm;
  private final double drumProbability;
  private final double majorProbability;
  private final Map<Instrument, Double> instrumentProbabilities;

  Style(String tag, int beatsPerBar, boolean swing, int minBpm, int maxBpm, double drumProbability,
      double majorProbability, Map<Instrument, Double> instrumentProbabilities) {
    this(tag, null, beatsPerBar, swing, minBpm, maxBpm, drumProbability, majorProbability, instrumentProbabilities);
  }

  Style(String tag, Style feel, int minBpm, int maxBpm, double drumProbability, double majorProbability,
      Map<Instrument, Double> instrumentProbabilities) {
    this(tag, feel, feel.beatsPerBar, feel.swing, minBpm, maxBpm, drumProbability, majorProbability,
        instrumentProbabilities);
  }

  private Style(String tag, Style feel, int beatsPerBar, boolean swing, int minBpm, int maxBpm,
      double drumProbability, double majorProbability, Map<Instrument, Double> instrumentProbabilities) {
    this.tag = tag;
    this.feel = feel;
    this.beatsPerBar = beatsPerBar;
    this.swing = swing;
    this.minBpm = minBpm;
    this.maxBpm = maxBpm;
    this.drumProbability = drumProbability;
    this.majorProbability = majorProbability;
    this.instrumentProbabilities = Collections.unmodifiableMap(new EnumMap<>(instrumentProbabilities));
  }

  public String tag() {
    return tag;
  }

  /** The v1 style whose grooves, bass lines and chord patterns this style plays with (itself for v1's). */
  public Style feel() {
    return feel == null ? this : feel;
  }

  /** {@link #ELECTRONIC} for the styles made with synthesizers and drum machines. */
  public Optional<String> parentTag() {
    return switch (this) {
      case TECHNO, HOUSE, TRANCE, AMBIENT, DOWNTEMPO -> Optional.of(ELECTRONIC);
      default -> Optional.empty();
    };
  }

  /** 3 for the waltz (3/4), 4 otherwise. */
  public int beatsPerBar() {
    return beatsPerBar;
  }

  /** Off-beat eighths fall on the last third of the beat (jazz) instead of its middle. */
  public boolean swing() {
    return swing;
  }

  /** Inclusive tempo range of the style; the tempo tag is the band of the drawn tempo. */
  public int minBpm() {
    return minBpm;
  }

  public int maxBpm() {
    return maxBpm;
  }

  public double drumProbability() {
    return drumProbability;
  }

  public double majorProbability() {
    return majorProbability;
  }

  /** The instruments this style may use, in enum order, with the probability each plays. */
  public Map<Instrument, Double> instrumentProbabilities() {
    return instrumentProbabilities;
  }

  public boolean allows(Instrument instrument) {
    return instrumentProbabilities.containsKey(instrument);
  }
}
