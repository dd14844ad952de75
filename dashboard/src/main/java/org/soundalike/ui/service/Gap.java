package org.soundalike.ui.service;

import java.util.List;

/**
 * The paper's claim in numbers: how far {@code variant} lies above {@code baseline} at each label
 * fraction both were run at (metric units, ×100). The claim is that it widens as labels get scarcer.
 */
public record Gap(String metric, String variant, String baseline, List<At> at) {

  public record At(double fraction, double difference) {}

  public Gap {
    at = List.copyOf(at);
  }
}
