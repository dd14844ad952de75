package org.soundalike.net;

/** The losses of one batch: total L = L_ML + λ·L_SSL and its two parts. */
public record LossValues(double total, double metricLearning, double selfSupervised) {

  public boolean isFinite() {
    return Double.isFinite(total) && Double.isFinite(metricLearning) && Double.isFinite(selfSupervised);
  }
}
