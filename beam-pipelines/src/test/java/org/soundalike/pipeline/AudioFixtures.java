package org.soundalike.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.soundalike.audio.AudioWriter;
import org.soundalike.audio.MusicLikeSignal;

/**
 * A small folder of inputs for ingest tests: three good tracks of different formats, a byte copy
 * of one, and one file of each kind that must be rejected. Short (a few seconds each) so the
 * tests stay fast.
 */
public final class AudioFixtures {

  public static final int RATE = 22_050;

  private AudioFixtures() {}

  /** Writes music-like mono audio of {@code seconds} to {@code file} (format from the extension). */
  public static Path music(Path file, double seconds, long seed) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    float[][] stereo = new MusicLikeSignal(RATE, seed).next((int) Math.round(seconds * RATE));
    AudioWriter.write(file, RATE, stereo[0]);
    return file;
  }

  /**
   * Fills {@code dir} and returns every file with the reason the ingest must give it: {@code OK},
   * {@code DUPLICATE}, or the reject reason(s) allowed.
   */
  public static Map<Path, String> mixedFolder(Path dir) throws IOException {
    Map<Path, String> files = new LinkedHashMap<>();
    Path first = music(dir.resolve("a-good.flac"), 4.0, 1);
    files.put(first, "OK");
    files.put(music(dir.resolve("b-good.ogg"), 3.5, 2), "OK");
    files.put(music(dir.resolve("sub/c-good.wav"), 3.0, 3), "OK");
    files.put(Files.copy(first, dir.resolve("z-copy-of-a.flac")), "DUPLICATE");
    files.put(music(dir.resolve("short.wav"), 1.0, 4), "TOO_SHORT");
    files.put(Files.createFile(dir.resolve("empty.mp3")), "EMPTY_FILE");
    byte[] whole = Files.readAllBytes(music(dir.resolve("whole.tmp.ogg"), 6.0, 5));
    Files.delete(dir.resolve("whole.tmp.ogg"));
    files.put(Files.write(dir.resolve("truncated.ogg"), Arrays.copyOf(whole, whole.length / 2)), "TRUNCATED");
    byte[] noise = new byte[40_000];
    new Random(7).nextBytes(noise);
    files.put(Files.write(dir.resolve("corrupt.flac"), noise), "REFUSED");
    files.put(Files.writeString(dir.resolve("notes.txt"), "Track list\n1. Overture\n2. Finale\n".repeat(50)), "REFUSED");
    return files;
  }
}
