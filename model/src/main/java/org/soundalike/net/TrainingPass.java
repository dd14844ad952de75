package org.soundalike.net;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Forward and backward of L = L_ML + λ·L_SSL for batches of a fixed number of tracks. Two
 * implementations: {@link SameDiffTrainingPass} (the whole batch in one graph: fastest while it fits in
 * memory) and {@link MicroBatchedTrainingPass} (the encoder runs over slices of the views, so memory
 * is bounded, while the losses still see all 2B views); and {@code net.dnnl.DnnlTrainingPass} (the
 * encoder on oneDNN primitives, the trainer's default on CPU).
 *
 * <p>The arrays of a {@link Result} may be buffers the pass reuses: they are valid until its next
 * call.
 */
public interface TrainingPass extends AutoCloseable {

  /** Losses and the gradient of L for each trainable array, by the array's name. */
  record Result(LossValues losses, Map<String, INDArray> gradients) {}

  int tracks();

  NetworkParameters parameters();

  /**
   * Forward and backward for one batch; updates the batch-norm running averages.
   *
   * @param lambda λ = α / r (0 drops L_SSL from the total)
   */
  Result computeGradients(TrainingBatch batch, double lambda);

  /**
   * The losses of a batch in training mode (batch statistics in batch norm), without a backward
   * pass and without touching the running averages.
   */
  LossValues losses(TrainingBatch batch, double lambda);

  /** Releases native buffers the pass owns (nothing for the SameDiff passes). */
  @Override
  default void close() {}
}
