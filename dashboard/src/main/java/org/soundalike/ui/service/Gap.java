package org.soundalike.ui.service;

import java.util.List;
import java.util.Optional;

/**
 * The paper's claim in numbers: how far {@code variant} lies above {@code baseline} at each label
 * fraction both were run at (metric units, ×100). The claim is that it widens as labels get scarcer.
 */
public record Gap(String metric, String variant, String baseline, List<At> at) {

  /**
   * @param difference mean over seeds of variant − baseline
   * @param paired the paired bootstrap interval of the difference and whether it is significant
   *     after Holm's correction, when {@code soundalike compare} has written comparison.json
   */
  public record At(double fraction, double difference, Optional<Paired> paired) {

    public At(double fraction, double difference) {
      this(fraction, difference, Optional.empty());
    }
  }

  /** A difference's 95 % interval over seeds and queries, and the verdict after Holm's correction. */
  public record Paired(double lower, double upper, boolean significant) {}

  public Gap {
    at = List.copyOf(at);
  }
}
