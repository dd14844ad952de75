package org.soundalike.ui.service;

import java.util.Locale;

/** Numbers as every page writes them. */
public final class Formats {

  private Formats() {}

  /** "10 %", "1.25 %": whole percents without decimals. */
  public static String percent(double fraction) {
    double value = fraction * 100;
    return (value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.3g", value)) + " %";
  }

  /** Three significant digits, or "—" when the run did not record the value. */
  public static String number(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.3g", value);
  }
}
