package org.soundalike.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AudioDecoder#decodeRange}: a training crop without decoding the whole track. */
class DecodeRangeTest {

  private static final int RATE = AudioSpec.SAMPLE_RATE;
  private static final int L = AudioSpec.EXCERPT_SAMPLES;

  private final AudioDecoder decoder = new AudioDecoder();

  @TempDir Path dir;

  private static float[] music(int sampleRate, double seconds) {
    float[][] stereo = new MusicLikeSignal(sampleRate, 5).next((int) (seconds * sampleRate));
    float[] mono = new float[stereo[0].length];
    for (int i = 0; i < mono.length; i++) {
      mono[i] = 0.5f * (stereo[0][i] + stereo[1][i]);
    }
    return mono;
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "flac"})
  void losslessAudioAtTheOutputRateComesBackSampleExact(String extension) {
    Path file = dir.resolve("music." + extension);
    AudioWriter.write(file, RATE, music(RATE, 12));
    float[] whole = decoder.decode(file).samples();

    for (long start : new long[] {0, 1, 3 * RATE + 17, 7 * RATE, whole.length - L}) {
      float[] range = decoder.decodeRange(file, start, L);

      assertThat(range).as("range at %d", start).isEqualTo(Arrays.copyOfRange(whole, (int) start, (int) start + L));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mp3", "ogg", "m4a", "opus", "flac"})
  void compressedAudioAtAnotherRateComesBackInPlace(String extension) {
    Path file = dir.resolve("music." + extension);
    AudioWriter.write(file, 44_100, music(44_100, 12));
    float[] whole = decoder.decode(file).samples();
    int start = 6 * RATE + 1234;

    float[] range = decoder.decodeRange(file, start, L);

    assertThat(range).hasSize(L);
    // After a seek the resampler's output grid can sit half an output sample away from the
    // whole-track grid (the seek lands on an odd 44.1 kHz sample, or MP3's encoder delay is odd):
    // the best whole-sample lag is then 0 or 1, and the hi-hat noise decorrelates slightly.
    int lag = bestLag(whole, start, range, 2000);
    assertThat(Math.abs(lag)).as("offset in samples at 22,050 Hz").isLessThanOrEqualTo(1);
    assertThat(correlation(whole, start + lag, range)).isGreaterThan(0.98);
  }

  @Test
  void aRangePastTheEndIsRefusedNamingTheFile() {
    Path file = dir.resolve("short.flac");
    AudioWriter.write(file, RATE, music(RATE, 4));

    assertThatThrownBy(() -> decoder.decodeRange(file, 2 * RATE, L))
        .isInstanceOf(AudioException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("runs past the end of the audio at 4.00 s");
  }

  /** The lag within ±maxLag that best aligns {@code range} with {@code whole} at {@code start}. */
  private static int bestLag(float[] whole, int start, float[] range, int maxLag) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int lag = -maxLag; lag <= maxLag; lag++) {
      double score = correlation(whole, start + lag, range);
      if (score > bestScore) {
        bestScore = score;
        best = lag;
      }
    }
    return best;
  }

  private static double correlation(float[] whole, int from, float[] range) {
    double dot = 0;
    double a = 0;
    double b = 0;
    for (int i = 0; i < range.length; i += 4) {
      dot += whole[from + i] * range[i];
      a += whole[from + i] * whole[from + i];
      b += range[i] * range[i];
    }
    return dot / Math.sqrt(a * b);
  }
}
