package org.soundalike.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The constants of the view shard format (docs/formats.md "Training view shards"), shared by
 * {@link ViewShardWriter} and {@link ViewShards}.
 */
final class ViewShardFormat {

  static final byte[] MAGIC = "SAVIEWS1".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  static final String ENCODING = "pcm_s16le";
  static final String INDEX_FILE = "index.json";
  /** magic, version, sample rate, samples per view, epoch, view count. */
  static final int HEADER_BYTES = MAGIC.length + 5 * Integer.BYTES;
  /** view number, crop start, seed (the id's length prefix and bytes come before them). */
  static final int VIEW_FIXED_BYTES = Integer.BYTES + 2 * Long.BYTES;
  static final int TRAILER_BYTES = Integer.BYTES;
  // 16-bit PCM: a step of 1/32767 is about -90 dB, far below what the augmentations change.
  static final float PCM_SCALE = 32767f;

  private ViewShardFormat() {}

  static String fileName(int epoch, int shard) {
    return String.format(Locale.ROOT, "epoch-%04d-shard-%05d.views", epoch, shard);
  }

  static short toPcm(float sample) {
    return (short) Math.round(Math.max(-1f, Math.min(1f, sample)) * PCM_SCALE);
  }

  static float fromPcm(short pcm) {
    return pcm / PCM_SCALE;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime must provide SHA-256", e);
    }
  }
}
