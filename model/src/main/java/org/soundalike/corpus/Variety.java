package org.soundalike.corpus;

import java.util.Map;

/**
 * How corpus v2 varies a piece's sound beyond its tags: the General MIDI program each instrument
 * uses, each part's level in the mix, the reverb, and the length of the sections after which the
 * arrangement changes (chord progression, dynamics, register, chord pattern, drum fill-ins), so
 * that two excerpts of one track are not near-copies.
 *
 * @param programs General MIDI program per instrument; an instrument missing uses its v1 program
 * @param gains factor on each instrument's channel volume (1 = the v1 level)
 * @param reverb MIDI reverb send of the pitched parts, or -1 for v1's (90 in ambient, else 40)
 * @param sectionBars bars per section, or 0 for one arrangement over the whole track (v1)
 */
public record Variety(Map<Instrument, Integer> programs, Map<Instrument, Double> gains, int reverb, int sectionBars) {

  /** Corpus v1: fixed programs and levels, one arrangement per track. */
  public static final Variety NONE = new Variety(Map.of(), Map.of(), -1, 0);

  public Variety {
    programs = Map.copyOf(programs);
    gains = Map.copyOf(gains);
  }

  public int program(Instrument instrument, Style style) {
    return programs.getOrDefault(instrument, instrument.program(style));
  }

  public int volume(Instrument instrument) {
    return (int) Math.round(instrument.volume() * gains.getOrDefault(instrument, 1.0));
  }
}
