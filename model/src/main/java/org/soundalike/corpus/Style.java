package org.soundalike.corpus;

import static org.soundalike.corpus.Instrument.ACOUSTIC_GUITAR;
import static org.soundalike.corpus.Instrument.BASS;
import static org.soundalike.corpus.Instrument.BRASS;
import static org.soundalike.corpus.Instrument.ELECTRIC_GUITAR;
import static org.soundalike.corpus.Instrument.FLUTE;
import static org.soundalike.corpus.Instrument.ORGAN;
import static org.soundalike.corpus.Instrument.PIANO;
import static org.soundalike.corpus.Instrument.SAXOPHONE;
import static org.soundalike.corpus.Instrument.STRINGS;
import static org.soundalike.corpus.Instrument.SYNTH_LEAD;
import static org.soundalike.corpus.Instrument.SYNTH_PAD;
import static org.soundalike.corpus.Instrument.VIBRAPHONE;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The style tags and their realistic co-occurrences: a style fixes the metre and the feel (swing),
 * bounds the tempo, says how likely drums and the major mode are, and gives each instrument the
 * probability that it plays. An instrument absent from a style's table never appears in it.
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
          ORGAN, 0.05));

  private final String tag;
  private final int beatsPerBar;
  private final boolean swing;
  private final int minBpm;
  private final int maxBpm;
  private final double drumProbability;
  private final double majorProbability;
  private final Map<Instrument, Double> instrumentProbabilities;

  Style(String tag, int beatsPerBar, boolean swing, int minBpm, int maxBpm, double drumProbability,
      double majorProbability, Map<Instrument, Double> instrumentProbabilities) {
    this.tag = tag;
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
