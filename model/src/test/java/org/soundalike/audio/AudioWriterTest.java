package org.soundalike.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioWriterTest {

  @TempDir Path dir;

  @Test
  void offersTheFormatsTheProjectDecodes() {
    assertThat(AudioWriter.extensions()).containsExactly("flac", "m4a", "mp3", "ogg", "opus", "wav");
  }

  @Test
  void anUnknownExtensionIsRefusedNamingTheFile() {
    Path file = dir.resolve("song.xyz");

    assertThatThrownBy(() -> AudioWriter.write(file, 22_050, new float[100]))
        .isInstanceOf(AudioException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("flac, m4a, mp3, ogg, opus, wav");
  }

  @Test
  void chunksWrittenOneAfterAnotherMakeOneContinuousFile() {
    float[] whole = Signals.sine(440, 0.5, 22_050, 3 * 22_050);
    Path file = dir.resolve("chunks.flac");
    try (AudioWriter writer = AudioWriter.open(file, 22_050, 1)) {
      for (int from = 0; from < whole.length; from += 10_000) {
        float[] chunk = new float[Math.min(10_000, whole.length - from)];
        System.arraycopy(whole, from, chunk, 0, chunk.length);
        writer.write(chunk);
      }
    }

    float[] decoded = new AudioDecoder().decode(file).samples();

    assertThat(decoded).hasSize(whole.length);
    for (int i = 0; i < whole.length; i++) {
      assertThat(decoded[i]).isCloseTo(whole[i], within(1e-4f));
    }
  }

  @Test
  void aChunkMustHaveOneArrayPerChannel() {
    try (AudioWriter writer = AudioWriter.open(dir.resolve("stereo.wav"), 22_050, 2)) {
      assertThatThrownBy(() -> writer.write(new float[10]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected 2 channels");
      writer.write(new float[10], new float[10]);
    }
  }
}
