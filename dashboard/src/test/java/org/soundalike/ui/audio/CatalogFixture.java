package org.soundalike.ui.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** A generic catalog (tracks.csv) whose tracks are one-second 16-bit mono WAV tones. */
public final class CatalogFixture {

  public static final int SAMPLE_RATE = 22050;

  private CatalogFixture() {}

  public static void write(Path dir, int tracks, IntFunction<String> id, IntFunction<List<String>> tags)
      throws IOException {
    Files.createDirectories(dir);
    List<String> lines = new ArrayList<>(List.of("path,split,tags"));
    for (int i = 0; i < tracks; i++) {
      String file = id.apply(i) + ".wav";
      writeTone(dir.resolve(file), 220 + 20 * i);
      lines.add(file + ",test," + String.join(";", tags.apply(i)));
    }
    Files.write(dir.resolve("tracks.csv"), lines);
  }

  /** A one-second tone. */
  public static void writeTone(Path file, double hz) throws IOException {
    writeTone(file, hz, 1.0);
  }

  public static void writeTone(Path file, double hz, double seconds) throws IOException {
    int samples = (int) Math.round(seconds * SAMPLE_RATE);
    byte[] pcm = new byte[samples * 2];
    for (int n = 0; n < samples; n++) {
      short s = (short) (8000 * Math.sin(2 * Math.PI * hz * n / SAMPLE_RATE));
      pcm[2 * n] = (byte) s;
      pcm[2 * n + 1] = (byte) (s >> 8);
    }
    AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
  }
}
