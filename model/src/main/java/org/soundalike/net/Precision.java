package org.soundalike.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The arithmetic of the encoder's training pass on the oneDNN engine. The master weights, Adam's
 * state, the heads, LayerNorm and the losses stay float32 in both; {@link #BF16} only changes
 * what oneDNN computes with inside the encoder (activations, their gradients and a copy of the
 * weights in bfloat16; accumulation, batch-norm statistics and the weight gradients in float32).
 */
public enum Precision {

  FP32,

  /**
   * bfloat16 activations and weight copies: 8 significant bits instead of 24, the same exponent
   * range as float32 (so no loss scaling). Fast only on CPUs with native bf16 instructions
   * (AVX512_BF16 or AMX); oneDNN emulates it, slowly, on other AVX-512 CPUs and refuses it below.
   */
  BF16;

  /** {@code fp32} or {@code bf16}, in any case. */
  public static Precision named(String name) {
    for (Precision precision : values()) {
      if (precision.name().equalsIgnoreCase(name)) {
        return precision;
      }
    }
    throw new IllegalArgumentException("unknown precision '" + name + "' (known: fp32, bf16)");
  }

  /** The lower-case name used on the command line and in run.json. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this CPU has native bf16 arithmetic (Linux: the avx512_bf16 or amx_bf16 flag). */
  public static boolean bf16Native() {
    try {
      String flags = Files.readString(Path.of("/proc/cpuinfo"));
      return flags.contains(" avx512_bf16") || flags.contains(" amx_bf16");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
