package org.soundalike.dataset;

import java.util.Locale;

/** The conventional train/valid/test partition of a catalog. */
public enum Split {
  TRAIN,
  VALID,
  TEST;

  /** Accepts the spellings the supported catalogs use: train, valid, validation, test. */
  public static Split parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "train" -> TRAIN;
      case "valid", "validation", "val" -> VALID;
      case "test" -> TEST;
      default -> throw new IllegalArgumentException(
          "unknown split '" + text + "' (expected train, valid or test)");
    };
  }

  /** The spelling written to tracks.csv. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
