package org.soundalike.ui.service;

import java.util.Optional;

/**
 * How the map is coloured: by one tag (has it / has not) or, as in the paper's figures, by two
 * contrasting tags (only the first, only the second, both, neither).
 */
public record TagColouring(String first, Optional<String> second) {

  public static TagColouring single(String tag) {
    return new TagColouring(tag, Optional.empty());
  }

  public static TagColouring contrast(String first, String second) {
    return new TagColouring(first, Optional.of(second));
  }
}
