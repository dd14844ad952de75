package org.soundalike.train;

/**
 * Adam's settings for one training phase (METHOD.md "Training"); betas are always (0.9, 0.999).
 *
 * @param learningRate initial learning rate
 * @param weightDecay L2 weight decay added to the gradient (PyTorch's Adam {@code weight_decay})
 */
public record OptimizerSettings(double learningRate, double weightDecay) {

  /** Pre-training with L_SSL only: Adam lr 3e-4. */
  public static final OptimizerSettings PRETRAIN = new OptimizerSettings(3e-4, 0);

  /** Fine-tuning with L: Adam lr 1e-3, weight decay 1e-6. */
  public static final OptimizerSettings FINE_TUNE = new OptimizerSettings(1e-3, 1e-6);

  public OptimizerSettings {
    if (!(learningRate > 0) || weightDecay < 0) {
      throw new IllegalArgumentException(
          "learning rate must be > 0 and weight decay >= 0, got " + learningRate + ", " + weightDecay);
    }
  }
}
