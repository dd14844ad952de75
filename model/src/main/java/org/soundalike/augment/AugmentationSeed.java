package org.soundalike.augment;

import java.nio.charset.StandardCharsets;

/**
 * Seeds for {@link AugmentationChain#augment(float[], long)}: one per (run seed, track, epoch,
 * view), so every view of every epoch differs, yet a run can be replayed exactly, on any machine
 * and in any processing order (a Beam worker needs nothing but the element itself).
 */
public final class AugmentationSeed {

  /** A well-mixed 64-bit seed for view {@code view} of track {@code trackId} in epoch {@code epoch}. */
  public static long of(long runSeed, String trackId, int epoch, int view) {
    long h = mix(runSeed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ fnv1a(trackId));
    h = mix(h ^ epoch);
    return mix(h ^ ((long) view << 32));
  }

  /** FNV-1a over the UTF-8 bytes: fixed by definition, unlike a JVM's string hash choices. */
  private static long fnv1a(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** The murmur3 64-bit finaliser: every input bit affects every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb93fe34e99a5L;
    return z ^ (z >>> 33);
  }

  private AugmentationSeed() {}
}
