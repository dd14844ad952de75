package org.soundalike.net;

/**
 * How the encoder's batch norm is computed in training graphs. {@link #FUSED} is the product's
 * choice; the others exist so that {@code soundalike bench train-step} can show what they cost
 * (docs/benchmarks/net.md keeps the comparison).
 */
public enum BatchNormKind {
  /** {@link BatchNormOp}: libnd4j's batchnorm forward (oneDNN) and a closed-form backward; statistics in-graph. */
  FUSED,
  /** The same formula written with SameDiff's element-wise and reduction ops. */
  PRIMITIVE,
  /** No normalisation at all: not the method, only a lower bound for the step time. */
  NONE
}
