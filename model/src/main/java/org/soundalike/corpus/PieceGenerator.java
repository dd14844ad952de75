package org.soundalike.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the pieces of a corpus from a seed. Piece {@code i} depends only on the seed and {@code i},
 * so a smaller corpus is a prefix of a larger one with the same seed.
 */
public final class PieceGenerator {

  /** Fewer parts would make a thin piece; more would bury some of them. */
  static final int MIN_INSTRUMENTS = 2;
  static final int MAX_INSTRUMENTS = 5;

  private final long seed;

  public PieceGenerator(long seed) {
    this.seed = seed;
  }

  public List<PieceSpec> pieces(int count) {
    List<PieceSpec> pieces = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      pieces.add(piece(i));
    }
    return pieces;
  }

  public PieceSpec piece(int index) {
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, Seeds.PIECE, index));
    Style[] styles = Style.values();
    Style style = styles[random.nextInt(styles.length)];
    int bpm = random.nextInt(style.minBpm(), style.maxBpm() + 1);
    Mode mode = random.nextDouble() < style.majorProbability() ? Mode.MAJOR : Mode.MINOR;
    int tonic = random.nextInt(12);
    boolean drums = random.nextDouble() < style.drumProbability();
    List<Instrument> instruments = instruments(style, random);
    return new PieceSpec(index, style, bpm, mode, tonic, drums, instruments, random.nextLong());
  }

  private static List<Instrument> instruments(Style style, SplittableRandom random) {
    Map<Instrument, Double> table = style.instrumentProbabilities();
    EnumSet<Instrument> chosen = EnumSet.noneOf(Instrument.class);
    for (Map.Entry<Instrument, Double> entry : table.entrySet()) {
      if (random.nextDouble() < entry.getValue()) {
        chosen.add(entry.getKey());
      }
    }
    // Most likely first: padding a thin draw and trimming a crowded one both keep the style's core.
    Comparator<Instrument> likelyFirst =
        Comparator.comparing((Instrument i) -> -table.get(i)).thenComparing(Enum::ordinal);
    List<Instrument> byLikelihood = table.keySet().stream().sorted(likelyFirst).toList();
    for (Instrument instrument : byLikelihood) {
      if (chosen.size() >= MIN_INSTRUMENTS) {
        break;
      }
      chosen.add(instrument);
    }
    List<Instrument> kept = chosen.stream().sorted(likelyFirst).limit(MAX_INSTRUMENTS).toList();
    return EnumSet.copyOf(kept).stream().toList();
  }
}
