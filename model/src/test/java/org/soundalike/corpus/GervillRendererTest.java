package org.soundalike.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jtransforms.fft.DoubleFFT_1D;
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
  /** Twelve 10 s pieces as drawn (not chosen), for the checks that need longer audio. */
  private static List<PieceSpec> drawn;
  private static List<float[]> drawnAudio;

  @BeforeAll
  static void renderer() {
    renderer = new GervillRenderer(TestBank.get());
    scores = piecesCoveringEveryStyleAndInstrument();
    drawn = new PieceGenerator(8).pieces(12);
    drawnAudio = drawn.stream().map(p -> renderer.render(Arranger.arrange(p, 10))).toList();
  }

  /** One piece per design-1 style, then more until every design-1 instrument is covered. */
  private static List<Score> piecesCoveringEveryStyleAndInstrument() {
    PieceGenerator generator = new PieceGenerator(5);
    EnumSet<Style> styles = EnumSet.noneOf(Style.class);
    EnumSet<Instrument> instruments = EnumSet.noneOf(Instrument.class);
    List<Score> chosen = new ArrayList<>();
    // The design-1 generator draws only from the V1 lists: waiting for design 2's styles and
    // instruments would never end.
    for (int i = 0; !styles.containsAll(Style.V1) || !instruments.containsAll(Instrument.V1); i++) {
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
    int pulsed = 0;
    List<String> veiled = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i++) {
      PieceSpec piece = drawn.get(i);
      double rank = beatLagRank(drawnAudio.get(i), piece.bpm());
      if (rank <= 0.1) {
        pulsed++;
      } else {
        veiled.add(piece.name() + " " + piece.style().tag() + " " + piece.bpm() + " BPM: rank " + rank);
      }
    }
    assertThat(pulsed).as("pieces whose beat is a strong pulse; not: %s", veiled).isGreaterThanOrEqualTo(11);
  }

  @Test
  void theModesThirdOutweighsTheOtherThirdInTheAudio() {
    // Energy per pitch class (100..2000 Hz): the key's third (4 semitones above the tonic in major,
    // 3 in minor) must outweigh the other one. Sawtooth and overdriven timbres add a major third as
    // their fifth harmonic, so 11 of 12 pieces must pass, not all.
    int heard = 0;
    List<String> unclear = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i++) {
      PieceSpec piece = drawn.get(i);
      double[] chroma = chroma(drawnAudio.get(i));
      double majorThird = chroma[(piece.tonic() + 4) % 12];
      double minorThird = chroma[(piece.tonic() + 3) % 12];
      if (piece.mode() == Mode.MAJOR ? majorThird > minorThird : minorThird > majorThird) {
        heard++;
      } else {
        unclear.add(piece.name() + " " + piece.key() + " " + piece.style().tag());
      }
    }
    assertThat(heard).as("pieces whose mode's third dominates; not: %s", unclear).isGreaterThanOrEqualTo(11);
  }

  private static double[] chroma(float[] x) {
    int n = 8192;
    DoubleFFT_1D fft = new DoubleFFT_1D(n);
    double[] chroma = new double[12];
    for (int start = 0; start + n <= x.length; start += n / 2) {
      double[] frame = new double[n];
      for (int i = 0; i < n; i++) {
        frame[i] = x[start + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
      }
      fft.realForward(frame);
      for (int k = 1; k < n / 2; k++) {
        double hz = k * (double) AudioSpec.SAMPLE_RATE / n;
        if (hz >= 100 && hz <= 2000) {
          long midiKey = Math.round(69 + 12 * Math.log(hz / 440) / Math.log(2));
          chroma[(int) Math.floorMod(midiKey, 12L)] += frame[2 * k] * frame[2 * k] + frame[2 * k + 1] * frame[2 * k + 1];
        }
      }
    }
    return chroma;
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
