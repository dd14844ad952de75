package org.soundalike.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which demo corpus a seed draws (docs/corpus.md). v1: 26 dense tags (6.9 per track), every
 * instrument tagged, 80/10/10 splits. v2: a catalog-like label regime, about three of 43 tags per
 * track with positives spread from common to rare like MTG-Jamendo's top-50, several General MIDI
 * programs per instrument, a per-track mix and arrangements that change every few bars, and
 * 70/15/15 splits so that a 1,000-track corpus tests on 150 tracks.
 */
public enum CorpusDesign {
  V1(0.1, 0.1),
  V2(0.15, 0.15);

  private final double validFraction;
  private final double testFraction;

  CorpusDesign(double validFraction, double testFraction) {
    this.validFraction = validFraction;
    this.testFraction = testFraction;
  }

  /** {@code 1}, {@code 2}, {@code v1} or {@code v2}. */
  public static CorpusDesign parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t.startsWith("v") ? t.substring(1) : t) {
      case "1" -> V1;
      case "2" -> V2;
      default -> throw new IllegalArgumentException("unknown corpus design '" + text + "' (1 or 2)");
    };
  }

  public int number() {
    return ordinal() + 1;
  }

  /** Every tag this design can give, grouped. */
  public List<String> vocabulary() {
    return this == V1 ? Vocabulary.tags() : V2Tags.TAGS;
  }

  public double validFraction() {
    return validFraction;
  }

  public double testFraction() {
    return testFraction;
  }

  /** Styles and their parent genre, instruments but the bass (an accompaniment, like the drums), moods. */
  private static final class V2Tags {
    static final List<String> TAGS = build();

    private static List<String> build() {
      List<String> tags = new ArrayList<>();
      for (Style style : Style.values()) {
        tags.add(style.tag());
      }
      tags.add(Style.ELECTRONIC);
      for (Instrument instrument : Instrument.values()) {
        if (instrument != Instrument.BASS) {
          tags.add(instrument.tag());
        }
      }
      for (Mood mood : Mood.values()) {
        tags.add(mood.tag());
      }
      return List.copyOf(tags);
    }
  }
}
