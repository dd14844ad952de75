package org.soundalike.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the pieces of a corpus from a seed. Piece {@code i} depends only on the seed, the design and
 * {@code i}, so a smaller corpus is a prefix of a larger one with the same seed.
 */
public final class PieceGenerator {

  /** Fewer parts would make a thin piece; more would bury some of them. */
  static final int MIN_INSTRUMENTS = 2;
  static final int MAX_INSTRUMENTS = 5;

  /** Corpus v2 tags at most this many instruments per track (the bass is not tagged there). */
  static final int MAX_TAGGED_INSTRUMENTS_V2 = 2;

  /**
   * How often corpus v2 draws each style: from common (rock, pop) to rare (world, country), so that
   * the style tags spread like MTG-Jamendo's genre tags (3–15 % of tracks, electronic 30 %).
   */
  private static final Map<Style, Double> V2_STYLE_WEIGHTS = new EnumMap<>(Map.ofEntries(
      Map.entry(Style.ROCK, 0.13), Map.entry(Style.POP, 0.11), Map.entry(Style.AMBIENT, 0.09),
      Map.entry(Style.CLASSICAL, 0.08), Map.entry(Style.SOUNDTRACK, 0.07), Map.entry(Style.TECHNO, 0.06),
      Map.entry(Style.HOUSE, 0.06), Map.entry(Style.BALLAD, 0.05), Map.entry(Style.JAZZ, 0.05),
      Map.entry(Style.FOLK, 0.05), Map.entry(Style.DOWNTEMPO, 0.05), Map.entry(Style.TRANCE, 0.04),
      Map.entry(Style.LOUNGE, 0.035), Map.entry(Style.WALTZ, 0.03), Map.entry(Style.METAL, 0.03),
      Map.entry(Style.COUNTRY, 0.03), Map.entry(Style.WORLD, 0.03)));

  private final long seed;
  private final CorpusDesign design;

  /** Corpus v1's generator. */
  public PieceGenerator(long seed) {
    this(seed, CorpusDesign.V1);
  }

  public PieceGenerator(long seed, CorpusDesign design) {
    this.seed = seed;
    this.design = design;
  }

  public List<PieceSpec> pieces(int count) {
    List<PieceSpec> pieces = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      pieces.add(piece(i));
    }
    return pieces;
  }

  public PieceSpec piece(int index) {
    return design == CorpusDesign.V2 ? v2Piece(index) : v1Piece(index);
  }

  private PieceSpec v1Piece(int index) {
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, Seeds.PIECE, index));
    List<Style> styles = Style.V1;
    Style style = styles.get(random.nextInt(styles.size()));
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

  private PieceSpec v2Piece(int index) {
    SplittableRandom random = new SplittableRandom(Seeds.derive(seed, Seeds.PIECE_V2, index));
    Style style = weightedStyle(random.nextDouble());
    int bpm = random.nextInt(style.minBpm(), style.maxBpm() + 1);
    Mode mode = random.nextDouble() < style.majorProbability() ? Mode.MAJOR : Mode.MINOR;
    int tonic = random.nextInt(12);
    boolean drums = random.nextDouble() < style.drumProbability();
    List<Instrument> instruments = v2Instruments(style, random);
    Map<Instrument, Integer> programs = new EnumMap<>(Instrument.class);
    Map<Instrument, Double> gains = new EnumMap<>(Instrument.class);
    for (Instrument instrument : instruments) {
      List<Integer> choices = instrument.programs(style);
      programs.put(instrument, choices.get(random.nextInt(choices.size())));
      // Down to -2 dB only: the quietest parts (a vibraphone under a pad) sit near the
      // audibility floor (-20 dB of the mix) already.
      gains.put(instrument, random.nextDouble(0.8, 1.0));
    }
    int reverb = style.feel() == Style.AMBIENT ? random.nextInt(70, 111) : random.nextInt(15, 71);
    Variety variety = new Variety(programs, gains, reverb, 4);
    return new PieceSpec(index, style, bpm, mode, tonic, drums, instruments, random.nextLong(), CorpusDesign.V2,
        variety);
  }

  private static Style weightedStyle(double u) {
    double total = V2_STYLE_WEIGHTS.values().stream().mapToDouble(Double::doubleValue).sum();
    double cumulative = 0;
    for (Map.Entry<Style, Double> entry : V2_STYLE_WEIGHTS.entrySet()) {
      cumulative += entry.getValue() / total;
      if (u < cumulative) {
        return entry.getKey();
      }
    }
    return Style.values()[Style.values().length - 1];
  }

  /**
   * One to {@link #MAX_TAGGED_INSTRUMENTS_V2} tagged instruments (the style's most likely one when
   * the draw gives none), plus the bass when drawn.
   */
  private static List<Instrument> v2Instruments(Style style, SplittableRandom random) {
    Map<Instrument, Double> table = style.instrumentProbabilities();
    EnumSet<Instrument> chosen = EnumSet.noneOf(Instrument.class);
    for (Map.Entry<Instrument, Double> entry : table.entrySet()) {
      if (random.nextDouble() < entry.getValue()) {
        chosen.add(entry.getKey());
      }
    }
    // A crowded draw keeps a random few rather than the likeliest, so that the style's core
    // instruments do not crowd out the rare ones.
    List<Instrument> drawn = new ArrayList<>(chosen.stream().filter(i -> i != Instrument.BASS).toList());
    for (int i = drawn.size() - 1; i > 0; i--) {
      java.util.Collections.swap(drawn, i, random.nextInt(i + 1));
    }
    List<Instrument> tagged = drawn.stream().limit(MAX_TAGGED_INSTRUMENTS_V2).toList();
    if (tagged.isEmpty()) {
      Comparator<Instrument> likelyFirst =
          Comparator.comparing((Instrument i) -> -table.get(i)).thenComparing(Enum::ordinal);
      tagged = table.keySet().stream().filter(i -> i != Instrument.BASS).sorted(likelyFirst).limit(1).toList();
    }
    EnumSet<Instrument> kept = EnumSet.copyOf(tagged);
    if (chosen.contains(Instrument.BASS)) {
      kept.add(Instrument.BASS);
    }
    return List.copyOf(kept);
  }
}
