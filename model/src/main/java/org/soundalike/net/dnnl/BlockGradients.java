package org.soundalike.net.dnnl;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one block's backward pass yields, in ND4J's layouts: the input gradient NHWC
 * {@code [batch, 1, length, in]} (null for the stem, whose input is the audio), the weight gradient
 * {@code [1, 3, in, out]} and the batch-norm scale and shift gradients {@code [out]}.
 */
public record BlockGradients(INDArray input, INDArray weights, INDArray gamma, INDArray beta) {}
