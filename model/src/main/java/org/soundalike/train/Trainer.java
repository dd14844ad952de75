package org.soundalike.train;

import java.util.Set;
import org.soundalike.net.LossValues;
import org.soundalike.net.TrainingBatch;
import org.soundalike.net.TrainingPass;

/**
 * Takes training steps: gradients of L = L_ML + λ·L_SSL from a {@link TrainingPass}, then one
 * Adam step on the parameters being trained. A non-finite loss stops training before the
 * parameters are touched, so the last good state stays intact.
 */
public final class Trainer {

  private final TrainingPass pass;
  private final AdamOptimizer optimizer;
  private final Set<String> trained;
  private final double lambda;
  private long steps;

  /**
   * @param trained names of the parameters to update (all for fine-tuning; the tag head only for
   *     the CLMR-frozen baseline)
   * @param lambda λ = α / r; 0 for supervised-only variants
   */
  public Trainer(TrainingPass pass, OptimizerSettings settings, Set<String> trained, double lambda) {
    this.pass = pass;
    this.optimizer = new AdamOptimizer(pass.parameters(), settings.learningRate(), settings.weightDecay());
    this.trained = Set.copyOf(trained);
    this.lambda = lambda;
  }

  /** All trainable parameters of the pass's network. */
  public static Set<String> everything(TrainingPass pass) {
    return pass.parameters().trainable().keySet();
  }

  public AdamOptimizer optimizer() {
    return optimizer;
  }

  /** Steps taken so far. */
  public long steps() {
    return steps;
  }

  /** One step on {@code batch}; returns its losses (before the update). */
  public LossValues step(TrainingBatch batch) {
    TrainingPass.Result result = pass.computeGradients(batch, lambda);
    if (!result.losses().isFinite()) {
      throw new TrainingException(
          "step " + (steps + 1) + ": loss is not finite (L " + result.losses().total() + ", L_ML "
              + result.losses().metricLearning() + ", L_SSL " + result.losses().selfSupervised()
              + "); parameters left as after step " + steps);
    }
    optimizer.step(result.gradients(), trained);
    steps++;
    return result.losses();
  }
}
