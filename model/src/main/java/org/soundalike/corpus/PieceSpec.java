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
 */
public record PieceSpec(
    int index, Style style, int bpm, Mode mode, int tonic, boolean drums, List<Instrument> instruments,
    long arrangementSeed) {

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

  public TagSet tags() {
    List<String> tags = new ArrayList<>();
    instruments.forEach(i -> tags.add(i.tag()));
    tags.add(drums ? Vocabulary.DRUMS : Vocabulary.NO_DRUMS);
    tags.add(tempoBand().tag());
    tags.add(mode.tag());
    tags.add(style.tag());
    return TagSet.of(tags);
  }
}
