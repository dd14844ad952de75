package org.soundalike.corpus;

/**
 * Independent seeds for each track and purpose. Offsetting one seed by the index would not do:
 * {@link java.util.SplittableRandom} seeds that differ by its internal increment give shifted copies
 * of the same sequence, so the inputs are hashed first.
 */
final class Seeds {

  static final long PIECE = 0x5049454345L;
  static final long SPLIT = 0x53504c4954L;
  static final long NOISE = 0x4e4f495345L;
  static final long PIECE_V2 = 0x5049454332L;
  static final long SECTIONS = 0x53454354L;

  private Seeds() {}

  static long derive(long seed, long purpose, long index) {
    return mix(mix(mix(seed) ^ purpose) + index);
  }

  /** The 64-bit finaliser of MurmurHash3: every input bit flips about half the output bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
