package org.soundalike.pipeline.traingrid;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.soundalike.train.Variant;

/**
 * One element of the training grid: a variant trained with labels for {@code percent} % of the
 * training tracks, from seed {@code seed}. Its run folder is named after it ({@link #runName()}).
 */
public record GridCell(String variant, double percent, long seed) implements Serializable {

  public GridCell {
    Variant preset = Variant.named(variant);
    if (preset.selfSupervisedOnly()) {
      throw new IllegalArgumentException("'" + variant + "' is the shared pre-training, not a grid variant");
    }
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("label fraction must be in (0, 100] percent, got " + percent);
    }
    variant = preset.name();
  }

  /** Every combination, variants outermost (the order the grid lists them in). */
  public static List<GridCell> all(List<String> variants, List<Double> percents, int seeds) {
    if (seeds < 1) {
      throw new IllegalArgumentException("need at least one seed, got " + seeds);
    }
    List<GridCell> cells = new ArrayList<>();
    for (String variant : variants) {
      for (double percent : percents) {
        for (long seed = 0; seed < seeds; seed++) {
          cells.add(new GridCell(variant, percent, seed));
        }
      }
    }
    return cells;
  }

  public double fraction() {
    return percent / 100;
  }

  /** e.g. {@code G-f10-s2}, {@code A-f0.5-s0}. */
  public String runName() {
    return variant + "-f" + BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString() + "-s" + seed;
  }
}
