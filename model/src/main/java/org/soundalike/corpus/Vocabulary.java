package org.soundalike.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Every tag demo corpus v1 can carry: instruments, drums or no drums, tempo band, mode and style.
 * Each track carries exactly one tag of each group but the instruments (two or more). Corpus v2's
 * vocabulary is {@link CorpusDesign#vocabulary()}.
 */
public final class Vocabulary {

  public static final String DRUMS = "drums";
  public static final String NO_DRUMS = "no drums";

  private static final List<String> TAGS = build();

  private Vocabulary() {}

  /** All tags, grouped: instruments, drums/no drums, tempo bands, modes, styles. */
  public static List<String> tags() {
    return TAGS;
  }

  public static boolean contains(String tag) {
    return TAGS.contains(tag);
  }

  private static List<String> build() {
    List<String> tags = new ArrayList<>();
    for (Instrument instrument : Instrument.V1) {
      tags.add(instrument.tag());
    }
    tags.add(DRUMS);
    tags.add(NO_DRUMS);
    for (TempoBand band : TempoBand.values()) {
      tags.add(band.tag());
    }
    for (Mode mode : Mode.values()) {
      tags.add(mode.tag());
    }
    for (Style style : Style.V1) {
      tags.add(style.tag());
    }
    return List.copyOf(tags);
  }
}
