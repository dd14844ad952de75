package org.soundalike.net;

/**
 * How the encoder's batch norm is computed in training graphs. {@link #FUSED} is the product's
 * choice; the others exist so that {@code soundalike bench train-step} can show what they cost
 * (docs/benchmarks/net.md keeps the comparison).
 */
public enum BatchNormKind {
  /** libnd4j's batchnorm / batchnorm_bp ops (oneDNN primitives on NHWC), statistics in-graph. */
  FUSED,
  /** The same formula written with SameDiff's element-wise and reduction ops. */
  PRIMITIVE,
  /** No normalisation at all: not the method, only a lower bound for the step time. */
  NONE
}
