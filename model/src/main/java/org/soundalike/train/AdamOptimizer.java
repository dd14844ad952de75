package org.soundalike.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.soundalike.net.NetworkParameters;

/**
 * Adam exactly as PyTorch's {@code torch.optim.Adam} (which the paper used): weight decay is L2
 * added to the gradient; ε is added to the bias-corrected √v̂. (ND4J's own Adam puts ε before the
 * bias correction, a small but real difference early in training, so it is not used.)
 */
public final class AdamOptimizer {

  /** The paper's betas (0.9, 0.999) and PyTorch's ε. */
  public static final double BETA1 = 0.9;
  public static final double BETA2 = 0.999;
  public static final double EPSILON = 1e-8;

  private final NetworkParameters parameters;
  private final double weightDecay;
  private final Map<String, INDArray> firstMoments = new LinkedHashMap<>();
  private final Map<String, INDArray> secondMoments = new LinkedHashMap<>();
  private double learningRate;
  private int iteration;

  public AdamOptimizer(NetworkParameters parameters, double learningRate, double weightDecay) {
    this.parameters = parameters;
    this.learningRate = learningRate;
    this.weightDecay = weightDecay;
  }

  public double learningRate() {
    return learningRate;
  }

  /** ReduceLROnPlateau changes the rate between epochs. */
  public void setLearningRate(double learningRate) {
    this.learningRate = learningRate;
  }

  /** Steps taken so far. */
  public int iteration() {
    return iteration;
  }

  /**
   * One Adam step on every parameter in {@code names} that has a gradient (frozen parameters are
   * simply left out). The gradient arrays are consumed (used as scratch space).
   */
  public void step(Map<String, INDArray> gradients, Set<String> names) {
    iteration++;
    double correction1 = 1 - Math.pow(BETA1, iteration);
    double correction2 = Math.sqrt(1 - Math.pow(BETA2, iteration));
    for (String name : names) {
      INDArray gradient = gradients.get(name);
      if (gradient == null) {
        continue;
      }
      INDArray parameter = parameters.trainable().get(name);
      if (weightDecay != 0) {
        gradient.addi(parameter.mul(weightDecay));
      }
      INDArray m = firstMoments.computeIfAbsent(name, n -> parameter.ulike().assign(0));
      INDArray v = secondMoments.computeIfAbsent(name, n -> parameter.ulike().assign(0));
      m.muli(BETA1).addi(gradient.mul(1 - BETA1));
      v.muli(BETA2).addi(gradient.muli(gradient).muli(1 - BETA2));
      INDArray denominator = Transforms.sqrt(v, true).divi(correction2).addi(EPSILON);
      parameter.subi(m.div(denominator).muli(learningRate / correction1));
    }
  }

  /** Adam's state (moments) by parameter name, for checkpoints. */
  public Map<String, INDArray> firstMoments() {
    return Collections.unmodifiableMap(firstMoments);
  }

  public Map<String, INDArray> secondMoments() {
    return Collections.unmodifiableMap(secondMoments);
  }

  /**
   * Puts back the state a checkpoint saved: the step count (for the bias correction) and the
   * moments (copied into this optimizer's own arrays).
   */
  public void restore(int steps, Map<String, INDArray> first, Map<String, INDArray> second) {
    iteration = steps;
    firstMoments.clear();
    secondMoments.clear();
    first.forEach((name, m) -> firstMoments.put(name, m.castTo(parameters.dataType()).dup()));
    second.forEach((name, v) -> secondMoments.put(name, v.castTo(parameters.dataType()).dup()));
  }
}
