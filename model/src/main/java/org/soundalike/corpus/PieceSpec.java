package org.soundalike.corpus;

import java.util.ArrayList;
import java.util.List;
import org.soundalike.dataset.TagSet;

/**
 * What one track of the demo corpus is: the facts the arrangement realises and its tags are read
 * from, so the tags are the truth of what is rendered.
 *
 * @param index position in the corpus (0-based); the id and the file name derive from it
 * @param tonic pitch class of the key, 0 = C
 * @param instruments the instruments that play, in {@link Instrument} order; no other one does
 * @param arrangementSeed seeds the notes (melody, voicings, velocities) of this piece alone
 * @param design which corpus the piece belongs to: it decides which facts are tags
 * @param variety programs, mix and sections ({@link Variety#NONE} in v1)
 */
public record PieceSpec(
    int index, Style style, int bpm, Mode mode, int tonic, boolean drums, List<Instrument> instruments,
    long arrangementSeed, CorpusDesign design, Variety variety) {

  private static final String[] KEY_NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

  public PieceSpec {
    instruments = List.copyOf(instruments);
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("piece " + index + " has no instrument");
    }
    if (tonic < 0 || tonic > 11) {
      throw new IllegalArgumentException("piece " + index + ": tonic " + tonic + " is not a pitch class");
    }
  }

  /** A corpus v1 piece. */
  public PieceSpec(int index, Style style, int bpm, Mode mode, int tonic, boolean drums, List<Instrument> instruments,
      long arrangementSeed) {
    this(index, style, bpm, mode, tonic, drums, instruments, arrangementSeed, CorpusDesign.V1, Variety.NONE);
  }

  /** For example {@code track-00042}. */
  public String name() {
    return String.format("track-%05d", index);
  }

  public TempoBand tempoBand() {
    return TempoBand.of(bpm);
  }

  /** For example {@code "F# minor"}. */
  public String key() {
    return KEY_NAMES[tonic] + " " + mode.tag();
  }

  /**
   * v1: every instrument, drums or no drums, tempo band, mode, style. v2: the style and its parent
   * genre, every instrument but the bass, and the moods that hold.
   */
  public TagSet tags() {
    if (design == CorpusDesign.V2) {
      return v2Tags();
    }
    List<String> tags = new ArrayList<>();
    instruments.forEach(i -> tags.add(i.tag()));
    tags.add(drums ? Vocabulary.DRUMS : Vocabulary.NO_DRUMS);
    tags.add(tempoBand().tag());
    tags.add(mode.tag());
    tags.add(style.tag());
    return TagSet.of(tags);
  }

  private TagSet v2Tags() {
    List<String> tags = new ArrayList<>();
    tags.add(style.tag());
    style.parentTag().ifPresent(tags::add);
    instruments.stream().filter(i -> i != Instrument.BASS).forEach(i -> tags.add(i.tag()));
    for (Mood mood : Mood.values()) {
      if (mood.holds(this)) {
        tags.add(mood.tag());
      }
    }
    return TagSet.of(tags);
  }
}
