package org.soundalike.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExcerptsTest {

  private static final int L = AudioSpec.EXCERPT_SAMPLES;
  private static final Path FILE = Path.of("music", "foo.mp3");

  /** Sample i holds the value i, so a window or crop shows where it was cut from. */
  private static float[] ramp(int length) {
    float[] s = new float[length];
    for (int i = 0; i < length; i++) {
      s[i] = i;
    }
    return s;
  }

  @Test
  void evaluationWindowsAreNonOverlappingFromTheStartAndDropTheTrailingPart() {
    Excerpts excerpts = Excerpts.of("1", FILE, ramp(3 * L + 1000));

    assertThat(excerpts.windowCount()).isEqualTo(3);
    List<float[]> windows = excerpts.windows();
    assertThat(windows).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(windows.get(i)).hasSize(L);
      assertThat(windows.get(i)[0]).isEqualTo(i * L);
      assertThat(windows.get(i)[L - 1]).isEqualTo((i + 1) * L - 1);
    }
    assertThatThrownBy(() -> excerpts.window(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void windowCountIsTheWholeNumberOfExcerpts() {
    assertThat(Excerpts.windowCount(L - 1)).isZero();
    assertThat(Excerpts.windowCount(L)).isEqualTo(1);
    assertThat(Excerpts.windowCount(2L * L - 1)).isEqualTo(1);
    assertThat(Excerpts.windowCount(2L * L)).isEqualTo(2);
    // A 30 s MagnaTagATune clip: 661,500 samples hold 11 excerpts.
    assertThat(Excerpts.windowCount(30L * AudioSpec.SAMPLE_RATE)).isEqualTo(11);
  }

  @Test
  void aTrackOfExactlyOneExcerptHasOneWindowAndOneCropStart() {
    Excerpts excerpts = Excerpts.of("1", FILE, ramp(L));

    assertThat(excerpts.windowCount()).isEqualTo(1);
    assertThat(Excerpts.cropStartCount(L)).isEqualTo(1);
    assertThat(excerpts.randomCropStart(new SplittableRandom(3))).isZero();
  }

  @Test
  void aTrackShorterThanOneExcerptIsReportedWithItsIdFileAndLength() {
    float[] samples = new float[(int) Math.round(1.2 * AudioSpec.SAMPLE_RATE)];

    assertThatThrownBy(() -> Excerpts.of("123", FILE, samples))
        .isInstanceOf(TrackTooShortException.class)
        .hasMessage("track 123 (foo.mp3): 1.20 s is shorter than one 2.68 s excerpt");
    assertThatThrownBy(() -> Excerpts.of(null, FILE, samples))
        .isInstanceOf(TrackTooShortException.class)
        .hasMessage("foo.mp3: 1.20 s is shorter than one 2.68 s excerpt");
    assertThatThrownBy(() -> Excerpts.of("9", FILE, new float[L - 1])).isInstanceOf(TrackTooShortException.class);
  }

  @Test
  void aDecodedTrackThatIsTooShortNamesItsFile() {
    AudioFacts facts = new AudioFacts(FILE, "mp3", "mp3", 44_100, 2, 100, 0.5f);

    assertThatThrownBy(() -> Excerpts.of("7", new DecodedAudio(facts, new float[100])))
        .isInstanceOf(TrackTooShortException.class)
        .hasMessageStartingWith("track 7 (foo.mp3): 0.00 s");
  }

  @Test
  void trainingCropsCoverEveryValidStartUniformlyIncludingTheLast() {
    int validStarts = 10;
    Excerpts excerpts = Excerpts.of("1", FILE, ramp(L + validStarts - 1));
    assertThat(Excerpts.cropStartCount(L + validStarts - 1)).isEqualTo(validStarts);
    int draws = 20_000;
    int[] counts = new int[validStarts];
    SplittableRandom random = new SplittableRandom(42);

    for (int i = 0; i < draws; i++) {
      int start = excerpts.randomCropStart(random);
      assertThat(start).isBetween(0, validStarts - 1);
      counts[start]++;
    }

    // Each start expects 2,000 draws (binomial sd 42); 250 is six sd.
    for (int start = 0; start < validStarts; start++) {
      assertThat(counts[start]).as("draws of start %d", start).isCloseTo(draws / validStarts, within(250));
    }
  }

  @Test
  void aTrackKnownOnlyByItsLengthGetsTheSameCropStartsAsItsSamples() {
    Excerpts excerpts = Excerpts.of("1", FILE, new float[3 * L + 5]);
    SplittableRandom a = new SplittableRandom(9);
    SplittableRandom b = new SplittableRandom(9);

    for (int i = 0; i < 100; i++) {
      assertThat(Excerpts.randomCropStart(3L * L + 5, a)).isEqualTo(excerpts.randomCropStart(b));
    }
    assertThat(Excerpts.randomCropStart(L, a)).isZero();
    assertThatThrownBy(() -> Excerpts.randomCropStart(L - 1, a)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCropIsTheExcerptAtItsStartAndCannotPassTheEnd() {
    Excerpts excerpts = Excerpts.of("1", FILE, ramp(L + 9));

    float[] last = excerpts.crop(9);
    assertThat(last[0]).isEqualTo(9);
    assertThat(last[L - 1]).isEqualTo(L + 8);
    assertThatThrownBy(() -> excerpts.crop(10)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> excerpts.crop(-1)).isInstanceOf(IndexOutOfBoundsException.class);

    float[] random = excerpts.randomCrop(new SplittableRandom(5));
    assertThat(random).hasSize(L);
    assertThat(random[L - 1] - random[0]).isEqualTo(L - 1);
  }

  @Test
  void theSameSeedGivesTheSameCropAndDifferentSeedsSpreadOut() {
    Excerpts excerpts = Excerpts.of("1", FILE, new float[20 * L]);
    Set<Integer> starts = new HashSet<>();

    for (long seed = 0; seed < 20; seed++) {
      int start = excerpts.randomCropStart(seed);
      assertThat(excerpts.randomCropStart(seed)).isEqualTo(start);
      assertThat(excerpts.randomCropStart(new SplittableRandom(seed))).isEqualTo(start);
      starts.add(start);
    }

    assertThat(starts).hasSizeGreaterThan(15);
  }

  @Test
  void streamedWindowsEqualTheWindowsOfTheWholeTrack() {
    float[] samples = ramp(4 * L + 123);
    List<float[]> streamed = new ArrayList<>();
    EvaluationWindows windows = new EvaluationWindows(streamed::add);

    int offset = 0;
    int chunk = 1;
    while (offset < samples.length) {
      int count = Math.min(chunk, samples.length - offset);
      float[] buffer = new float[count + 5];
      System.arraycopy(samples, offset, buffer, 0, count);
      windows.accept(buffer, count);
      offset += count;
      chunk = chunk * 3 + 7;
    }

    List<float[]> whole = Excerpts.of("1", FILE, samples).windows();
    assertThat(windows.count()).isEqualTo(4);
    assertThat(streamed).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(streamed.get(i)).isEqualTo(whole.get(i));
    }
  }
}
