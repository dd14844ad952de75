package org.soundalike.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.AudioWriter;

/**
 * Test fixture: a generic catalog of 3.2 s generated WAVs (a little more than one excerpt) whose
 * tags say what they sound like (a low or a high tone, with or without noise): 6 training,
 * 2 validation and 4 test tracks, for training the tiny network in seconds.
 */
public final class TinyCatalog {

  /** Tracks per batch: 2 steps per epoch, one validation batch. */
  public static final int BATCH = 3;

  private TinyCatalog() {}

  public static Path create(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> rows = new ArrayList<>();
    rows.add("path,split,tags");
    SplittableRandom random = new SplittableRandom(5);
    String[] splits = {"train", "train", "train", "train", "train", "train", "valid", "valid", "test", "test", "test", "test"};
    for (int i = 0; i < splits.length; i++) {
      boolean high = i % 2 == 0;
      boolean noisy = i % 3 == 0;
      String name = splits[i] + "/t" + i + ".wav";
      write(dir.resolve(name), high ? 1760 : 220, noisy, random);
      rows.add(name + "," + splits[i] + "," + (high ? "high" : "low") + (noisy ? ";noisy" : ""));
    }
    Files.write(dir.resolve("tracks.csv"), rows);
    return dir;
  }

  private static void write(Path file, double hertz, boolean noisy, SplittableRandom random) throws IOException {
    Files.createDirectories(file.getParent());
    float[] audio = new float[(int) (3.2 * AudioSpec.SAMPLE_RATE)];
    for (int n = 0; n < audio.length; n++) {
      double tone = 0.4 * Math.sin(2 * Math.PI * hertz * n / AudioSpec.SAMPLE_RATE);
      audio[n] = (float) (tone + (noisy ? 0.2 * (random.nextDouble() - 0.5) : 0));
    }
    AudioWriter.write(file, AudioSpec.SAMPLE_RATE, audio);
  }
}
