package org.soundalike.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.soundalike.audio.AudioSpec;

/** Writes the corpus audio: mono 16-bit WAV at {@link AudioSpec#SAMPLE_RATE}, peak-normalised. */
public final class PcmWav {

  /** −1 dBFS: every track uses the 16-bit range alike, with room for the rounding. */
  static final double TARGET_PEAK = 0.891;

  static final AudioFormat FORMAT = new AudioFormat(AudioSpec.SAMPLE_RATE, 16, 1, true, false);

  private PcmWav() {}

  /**
   * Scales {@code samples} so the peak is {@link #TARGET_PEAK} and writes them (atomically: a file
   * that exists is complete). Rounding without dither keeps the bytes a function of the samples.
   */
  public static void writePeakNormalized(Path file, float[] samples) {
    double peak = 0;
    for (float s : samples) {
      peak = Math.max(peak, Math.abs(s));
    }
    if (!(peak > 0) || !Double.isFinite(peak)) {
      throw new CorpusException(file + ": the render is silent or not finite (peak " + peak + ")");
    }
    double gain = TARGET_PEAK / peak;
    byte[] bytes = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      int v = (int) Math.round(samples[i] * gain * Short.MAX_VALUE);
      bytes[2 * i] = (byte) v;
      bytes[2 * i + 1] = (byte) (v >> 8);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), FORMAT, samples.length)) {
      Files.createDirectories(file.getParent());
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, tmp.toFile());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CorpusException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The samples of a file this class wrote, as floats in [-1, 1]. */
  public static float[] read(Path file) {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
      AudioFormat format = in.getFormat();
      if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16 || format.getSampleRate() != AudioSpec.SAMPLE_RATE
          || format.isBigEndian()) {
        throw new CorpusException(file + ": expected mono 16-bit little-endian " + AudioSpec.SAMPLE_RATE
            + " Hz, found " + format);
      }
      byte[] bytes = in.readAllBytes();
      float[] samples = new float[bytes.length / 2];
      for (int i = 0; i < samples.length; i++) {
        samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / (float) Short.MAX_VALUE;
      }
      return samples;
    } catch (IOException | javax.sound.sampled.UnsupportedAudioFileException e) {
      throw new CorpusException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
