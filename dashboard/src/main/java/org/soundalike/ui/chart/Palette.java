package org.soundalike.ui.chart;

import java.util.List;

/** Distinct series colours (colour-blind-safe Okabe–Ito order, then greys). */
public final class Palette {

  private static final List<String> COLOURS = List.of(
      "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
      "#666666", "#999999");

  private Palette() {}

  public static String colour(int index) {
    return COLOURS.get(Math.floorMod(index, COLOURS.size()));
  }

  /** The colour with an alpha channel, for interval bands and dimmed points. */
  public static String translucent(String hex, double alpha) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return String.format(java.util.Locale.ROOT, "rgba(%d, %d, %d, %.2f)",
        (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
  }
}
