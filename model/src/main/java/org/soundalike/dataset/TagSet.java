package org.soundalike.dataset;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** The tags a track carries, sorted, without duplicates. */
public record TagSet(Set<String> tags) {

  public TagSet {
    tags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    for (String tag : tags) {
      if (tag.isBlank() || tag.contains(";")) {
        throw new IllegalArgumentException("invalid tag '" + tag + "'");
      }
    }
  }

  public static TagSet of(Collection<String> tags) {
    return new TagSet(Set.copyOf(tags));
  }

  public static TagSet empty() {
    return new TagSet(Set.of());
  }

  public boolean isEmpty() {
    return tags.isEmpty();
  }

  public boolean contains(String tag) {
    return tags.contains(tag);
  }
}
