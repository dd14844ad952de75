package org.soundalike.ui.service;

/** How a metric key of the results files reads on screen. All metrics are ×100 and higher is better. */
public final class MetricNames {

  private MetricNames() {}

  public static String longName(String metric) {
    if (metric.startsWith("R@")) {
      return "Recall@" + metric.substring(2);
    }
    if (metric.startsWith("M@")) {
      return "MAP@" + metric.substring(2);
    }
    return metric;
  }

  /** The axis label: the metric and its unit. */
  public static String axisLabel(String metric) {
    return longName(metric) + " (%, ×100)";
  }
}
