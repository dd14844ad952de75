package org.soundalike.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soundalike.audio.AudioSpec;

/**
 * Renders real pieces with whichever bank this machine has (FluidR3, else the JDK's built-in one)
 * and checks that the tags are heard.
 */
class GervillRendererTest {

  /** A part is audible when, in every excerpt-long window, its power is at least 1 % of the mix's. */
  private static final double AUDIBLE_DB_BELOW_MIX = -20;

  /** Two overlapping excerpt windows (start and middle): enough to see a part keeps playing. */
  private static final double SECONDS = 1.5 * AudioSpec.excerptSeconds();
  private static GervillRenderer renderer;
  private static List<Score> scores;

  @BeforeAll
  static void renderer() {
    renderer = new GervillRenderer(TestBank.get());
    scores = piecesCoveringEveryStyleAndInstrument();
  }

  /** One piece per style, then more until every instrument, drums and no drums are covered. */
  private static List<Score> piecesCoveringEveryStyleAndInstrument() {
    PieceGenerator generator = new PieceGenerator(5);
    EnumSet<Style> styles = EnumSet.noneOf(Style.class);
    EnumSet<Instrument> instruments = EnumSet.noneOf(Instrument.class);
    List<Score> chosen = new ArrayList<>();
    for (int i = 0; styles.size() < Style.values().length || instruments.size() < Instrument.values().length; i++) {
      PieceSpec piece = generator.piece(i);
      if (!styles.contains(piece.style()) || !instruments.containsAll(piece.instruments())) {
        styles.add(piece.style());
        instruments.addAll(piece.instruments());
        chosen.add(Arranger.arrange(piece, SECONDS));
      }
    }
    return chosen;
  }

  @Test
  void everyPartIsAudibleInEveryExcerptOfTheMix() {
    int window = AudioSpec.EXCERPT_SAMPLES;
    for (Score score : scores) {
      float[] mix = renderer.render(score);
      assertThat(mix).hasSize((int) Math.round(SECONDS * AudioSpec.SAMPLE_RATE));
      for (String tag : score.partTags()) {
        float[] alone = renderer.render(score.only(tag));
        for (int start = 0; start + window <= mix.length; start += window / 2) {
          double relativeDb = 20 * Math.log10(rms(alone, start, window) / rms(mix, start, window));
          assertThat(relativeDb).as("%s %s at %.2f s", score.piece().name(), tag, start / (double) AudioSpec.SAMPLE_RATE)
              .isGreaterThan(AUDIBLE_DB_BELOW_MIX);
        }
      }
    }
  }

  @Test
  void drumsAddHighFrequencyTransientsThatPitchedPartsLack() {
    int checked = 0;
    for (Score score : scores) {
      if (!score.piece().drums()) {
        continue;
      }
      Score pitched = new Score(score.piece(), score.seconds(),
          score.parts().stream().filter(p -> !p.isDrums()).toList());
      double withDrums = highShare(renderer.render(score));
      double without = highShare(renderer.render(pitched));
      double drumsAlone = highShare(renderer.render(score.only(Vocabulary.DRUMS)));
      assertThat(drumsAlone).as(score.piece().name()).isGreaterThan(1.5 * without);
      assertThat(withDrums).as(score.piece().name()).isGreaterThan(1.05 * without);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
  }

  @Test
  void untaggedInstrumentsAreSilentBecauseTheyHaveNoPart() {
    for (Score score : scores) {
      Set<String> tags = score.piece().tags().tags();
      assertThat(score.partTags()).allMatch(tags::contains);
      for (Part part : score.parts()) {
        assertThat(part.notes()).as(score.piece().name() + " " + part.tag()).isNotEmpty();
      }
    }
  }

  @Test
  void aRenderDependsOnlyOnTheScore() throws Exception {
    Score score = scores.get(0);
    float[] first = renderer.render(score);
    float[][] others = new float[2][];
    Thread a = new Thread(() -> others[0] = renderer.render(score));
    Thread b = new Thread(() -> others[1] = renderer.render(scores.get(1)));
    a.start();
    b.start();
    a.join();
    b.join();
    assertThat(others[0]).containsExactly(first);
    assertThat(others[1]).isNotEqualTo(first);
  }

  @Test
  void theTaggedTempoIsAStrongPulseInTheAudio() {
    // Onset strength: rise of the log energy of the first difference, frame by frame. Its
    // autocorrelation at the beat period must be among the top 10 % of all lags from 0.25 to 2 s
    // (multiples of the beat score high too; that is what a tempo is). Held chords can veil the
    // pulse of a drumless piece, so 11 of 12 pieces must pass, not all.
    PieceGenerator generator = new PieceGenerator(8);
    int pulsed = 0;
    List<String> veiled = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      PieceSpec piece = generator.piece(i);
      double rank = beatLagRank(renderer.render(Arranger.arrange(piece, 10)), piece.bpm());
      if (rank <= 0.1) {
        pulsed++;
      } else {
        veiled.add(piece.name() + " " + piece.style().tag() + " " + piece.bpm() + " BPM: rank " + rank);
      }
    }
    assertThat(pulsed).as("pieces whose beat is a strong pulse; not: %s", veiled).isGreaterThanOrEqualTo(11);
  }

  /** Fraction of lags in 0.25..2 s whose onset autocorrelation beats the one at the beat period. */
  private static double beatLagRank(float[] x, int bpm) {
    int hop = 256;
    double framesPerSecond = AudioSpec.SAMPLE_RATE / (double) hop;
    int frames = x.length / hop;
    double[] logEnergy = new double[frames];
    for (int f = 0; f < frames; f++) {
      double energy = 0;
      for (int i = Math.max(1, f * hop); i < (f + 1) * hop; i++) {
        double d = x[i] - x[i - 1];
        energy += d * d;
      }
      logEnergy[f] = Math.log(1e-6 + energy);
    }
    double[] onset = new double[frames];
    double mean = 0;
    for (int f = 1; f < frames; f++) {
      onset[f] = Math.max(0, logEnergy[f] - logEnergy[f - 1]);
      mean += onset[f] / frames;
    }
    for (int f = 0; f < frames; f++) {
      onset[f] -= mean;
    }
    int low = (int) (0.25 * framesPerSecond);
    int high = (int) (2.0 * framesPerSecond);
    double[] autocorrelation = new double[high + 2];
    for (int lag = low; lag <= high + 1; lag++) {
      double sum = 0;
      for (int f = 0; f + lag < frames; f++) {
        sum += onset[f] * onset[f + lag];
      }
      autocorrelation[lag] = sum / (frames - lag);
    }
    int beatLag = (int) Math.floor(60.0 / bpm * framesPerSecond);
    double atBeat = Math.max(autocorrelation[beatLag], autocorrelation[beatLag + 1]);
    int stronger = 0;
    for (int lag = low; lag <= high; lag++) {
      if (autocorrelation[lag] > atBeat) {
        stronger++;
      }
    }
    return stronger / (double) (high - low + 1);
  }

  private static double rms(float[] x, int from, int length) {
    double energy = 0;
    for (int i = from; i < from + length; i++) {
      energy += x[i] * x[i];
    }
    return Math.sqrt(energy / length) + 1e-12;
  }

  /**
   * Energy of the second difference (a high-pass rising 12 dB per octave) over the energy: hats,
   * cymbals, snares and claps put much more of their energy up high than tonal instruments.
   */
  private static double highShare(float[] x) {
    double total = 0;
    double high = 0;
    for (int i = 2; i < x.length; i++) {
      double d = x[i] - 2 * x[i - 1] + x[i - 2];
      high += d * d;
      total += x[i] * x[i];
    }
    return high / total;
  }
}
