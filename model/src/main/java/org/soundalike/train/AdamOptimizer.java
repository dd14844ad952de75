package org.soundalike.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.soundalike.net.NetworkParameters;

/**
 * Adam as PyTorch's {@code torch.optim.Adam} (which the paper used): weight decay is L2 added to
 * the gradient before the moment estimates. ND4J's Adam updater does the moments and the bias
 * correction; this class owns one updater state per parameter and applies the steps in place.
 */
public final class AdamOptimizer {

  /** The paper's betas (0.9, 0.999) and PyTorch's ε. */
  public static final double BETA1 = 0.9;
  public static final double BETA2 = 0.999;
  public static final double EPSILON = 1e-8;

  private final NetworkParameters parameters;
  private final double weightDecay;
  private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
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
    for (GradientUpdater<?> updater : updaters.values()) {
      ((Adam) updater.getConfig()).setLearningRate(learningRate);
    }
  }

  /** Steps taken so far. */
  public int iteration() {
    return iteration;
  }

  /**
   * One Adam step on every parameter in {@code names} that has a gradient (frozen parameters are
   * simply left out). The gradient arrays are consumed (overwritten with the updates).
   */
  public void step(Map<String, INDArray> gradients, Set<String> names) {
    for (String name : names) {
      INDArray gradient = gradients.get(name);
      if (gradient == null) {
        continue;
      }
      INDArray parameter = parameters.trainable().get(name);
      if (weightDecay != 0) {
        gradient.addi(parameter.mul(weightDecay));
      }
      GradientUpdater<?> updater = updaters.computeIfAbsent(name, n -> newUpdater(parameter));
      updater.applyUpdater(gradient, iteration, 0);
      parameter.subi(gradient);
    }
    iteration++;
  }

  private GradientUpdater<?> newUpdater(INDArray parameter) {
    Adam config = new Adam(learningRate, BETA1, BETA2, EPSILON);
    INDArray state = Nd4j.zeros(parameter.dataType(), 1, 2 * parameter.length());
    return config.instantiate(state, true);
  }
}
