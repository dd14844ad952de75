package org.soundalike.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp3ClipTest {

  @TempDir Path dir;

  /** 8 s of a quiet tone with a loud burst at 5.0 s, stereo at 48 kHz (so the clip must resample). */
  private Path source() {
    int rate = 48_000;
    float[] left = new float[8 * rate];
    float[] right = new float[8 * rate];
    for (int n = 0; n < left.length; n++) {
      double t = n / (double) rate;
      float tone = (float) (0.05 * Math.sin(2 * Math.PI * 330 * t));
      float burst = t >= 5.0 && t < 5.02 ? (float) (0.9 * Math.sin(2 * Math.PI * 1000 * t)) : 0;
      left[n] = tone + burst;
      right[n] = tone + burst;
    }
    Path file = dir.resolve("source.flac");
    AudioWriter.write(file, rate, left, right);
    return file;
  }

  @Test
  void theClipIsAnMp3At128kbitStereo44kHzCutAtTheOffset() {
    Path clip = dir.resolve("clip.mp3");
    Mp3Clip.cut(source(), 4.0, 3.0, clip);

    DecodedAudio decoded = new AudioDecoder().decode(clip);
    assertThat(decoded.facts().codec()).isEqualTo("mp3");
    assertThat(decoded.facts().originalSampleRate()).isEqualTo(44_100);
    assertThat(decoded.facts().channels()).isEqualTo(2);
    assertThat(decoded.seconds()).isCloseTo(3.0, within(0.05));
    // The burst at 5.0 s of the source is 1.0 s into a clip starting at 4.0 s.
    assertThat(peakSeconds(decoded.samples())).isCloseTo(1.0, within(0.03));
    // 3 s at 128 kbit/s is about 48 kB.
    assertThat(clip.toFile().length()).isBetween(40_000L, 56_000L);
  }

  @Test
  void aClipPastTheEndIsRefusedNamingTheSource() {
    Path source = source();
    assertThatThrownBy(() -> Mp3Clip.cut(source, 6.0, 3.0, dir.resolve("late.mp3")))
        .isInstanceOf(AudioException.class)
        .hasMessageContaining("source.flac")
        .hasMessageContaining("before the clip's end at 9.0 s");
  }

  private static double peakSeconds(float[] samples) {
    int best = 0;
    for (int n = 1; n < samples.length; n++) {
      if (Math.abs(samples[n]) > Math.abs(samples[best])) {
        best = n;
      }
    }
    return best / (double) AudioSpec.SAMPLE_RATE;
  }
}
