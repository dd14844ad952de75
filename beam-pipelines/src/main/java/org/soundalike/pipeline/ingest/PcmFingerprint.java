package org.soundalike.pipeline.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.PcmSink;

/**
 * Hashes decoded audio while it streams past: SHA-256 over the mono 22,050 Hz float samples
 * (little-endian IEEE 754). Hashing the sound rather than the file's bytes makes a re-tagged mp3
 * or the same recording in wav and flac the same content, which is what duplicate detection is for.
 * Also counts the samples and evaluation windows.
 */
final class PcmFingerprint implements PcmSink {

  private final MessageDigest digest;
  private ByteBuffer buffer = ByteBuffer.allocate(0);
  private long samples;

  PcmFingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }

  @Override
  public void accept(float[] chunk, int count) {
    if (buffer.capacity() < count * Float.BYTES) {
      buffer = ByteBuffer.allocate(count * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }
    buffer.clear();
    for (int i = 0; i < count; i++) {
      buffer.putFloat(chunk[i]);
    }
    digest.update(buffer.array(), 0, buffer.position());
    samples += count;
  }

  long samples() {
    return samples;
  }

  int excerpts() {
    return (int) (samples / AudioSpec.EXCERPT_SAMPLES);
  }

  String hash() {
    return HexFormat.of().formatHex(digest.digest());
  }
}
