package org.soundalike.train;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.soundalike.net.BatchNormKind;
import org.soundalike.net.MicroBatchedTrainingPass;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SameDiffTrainingPass;
import org.soundalike.net.TrainingPass;
import org.soundalike.net.dnnl.DnnlTrainingPass;

/**
 * What computes a training step's losses and gradients. Both engines compute the same L and the
 * same gradients (to float rounding, TrainingEngineTest); they differ in speed, memory and
 * precision.
 */
public enum TrainingEngine {

  /**
   * The encoder on oneDNN primitives, the heads and losses in SameDiff ({@link DnnlTrainingPass}):
   * 4–5× less CPU per step than {@link #SAMEDIFF} on this CPU (docs/benchmarks/train-engine.md).
   * Float only; the whole batch goes through the encoder at once, so batch norm and NT-Xent see
   * all 2B views. The default on ND4J's CPU backend. oneDNN runs on the CPU whatever ND4J's
   * backend is, so with the CUDA backend it would leave the GPU to the heads only.
   */
  DNNL,

  /**
   * Everything in SameDiff: {@link SameDiffTrainingPass} (whole batch) or, with views per slice,
   * {@link MicroBatchedTrainingPass}. Any precision (double for gradient checks); the fallback.
   */
  SAMEDIFF;

  /** {@link #DNNL} on ND4J's CPU backend, {@link #SAMEDIFF} on any other (the CUDA profile). */
  public static TrainingEngine forBackend() {
    return Nd4j.getEnvironment().isCPU() ? DNNL : SAMEDIFF;
  }

  /** {@code dnnl} or {@code samediff}, in any case. */
  public static TrainingEngine named(String name) {
    for (TrainingEngine engine : values()) {
      if (engine.name().equalsIgnoreCase(name)) {
        return engine;
      }
    }
    throw new IllegalArgumentException("unknown training engine '" + name + "' (known: dnnl, samediff)");
  }

  /** The lower-case name used on the command line and in run.json. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this engine can micro-batch the encoder (bounded memory at large batches). */
  public boolean slices() {
    return this == SAMEDIFF;
  }

  /**
   * A pass for batches of {@code tracks} tracks on {@code parameters}; close it when done (the
   * oneDNN pass owns native buffers).
   *
   * @param viewsPerSlice 0 (or ≥ 2·tracks): the whole batch at once; else micro-batches of this
   *     many views ({@link #SAMEDIFF} only)
   */
  public TrainingPass build(NetworkParameters parameters, int tracks, int viewsPerSlice) {
    boolean sliced = viewsPerSlice > 0 && viewsPerSlice < 2 * tracks;
    if (this == DNNL) {
      if (sliced) {
        throw new IllegalArgumentException("the dnnl engine runs the whole batch of " + 2 * tracks
            + " views at once; views per slice (" + viewsPerSlice + ") needs --engine samediff");
      }
      if (parameters.dataType() != DataType.FLOAT) {
        throw new IllegalArgumentException(
            "the dnnl engine trains in float; parameters are " + parameters.dataType() + " (use --engine samediff)");
      }
      return DnnlTrainingPass.open(parameters, tracks);
    }
    return sliced
        ? MicroBatchedTrainingPass.build(parameters, tracks, viewsPerSlice)
        : SameDiffTrainingPass.build(parameters, tracks, BatchNormKind.FUSED);
  }
}
