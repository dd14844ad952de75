package org.soundalike.dataset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The T tags a catalog is trained and evaluated on, in a fixed order: position i of every
 * multi-hot vector, of the tag head's output and of the evaluation tables is tag i.
 */
public record TagVocabulary(List<String> tags) {

  public TagVocabulary {
    tags = List.copyOf(tags);
    Map<String, Integer> seen = new HashMap<>();
    for (String tag : tags) {
      if (tag.isBlank()) {
        throw new IllegalArgumentException("blank tag in vocabulary " + tags);
      }
      if (seen.put(tag, seen.size()) != null) {
        throw new IllegalArgumentException("tag '" + tag + "' appears twice in vocabulary");
      }
    }
  }

  public static TagVocabulary of(List<String> tags) {
    return new TagVocabulary(tags);
  }

  /** Every tag some track carries, sorted: the vocabulary of a catalog that declares none. */
  public static TagVocabulary sortedUnionOf(Collection<TagSet> tagSets) {
    TreeSet<String> union = new TreeSet<>();
    tagSets.forEach(set -> union.addAll(set.tags()));
    return new TagVocabulary(new ArrayList<>(union));
  }

  public int size() {
    return tags.size();
  }

  public String tag(int index) {
    return tags.get(index);
  }

  /** The position of {@code tag}, or -1 when it is not in the vocabulary. */
  public int indexOf(String tag) {
    return tags.indexOf(tag);
  }

  public boolean contains(String tag) {
    return tags.contains(tag);
  }

  /**
   * 1 at the position of each tag of {@code tagSet}, 0 elsewhere.
   *
   * @throws IllegalArgumentException if a tag is not in the vocabulary (silently dropping it
   *     would train on labels that differ from the catalog's)
   */
  public float[] multiHot(TagSet tagSet) {
    float[] vector = new float[tags.size()];
    for (String tag : tagSet.tags()) {
      int index = tags.indexOf(tag);
      if (index < 0) {
        throw new IllegalArgumentException("tag '" + tag + "' is not in the vocabulary");
      }
      vector[index] = 1f;
    }
    return vector;
  }

  /** The tags whose positions hold a value of at least 0.5 (the inverse of {@link #multiHot}). */
  public TagSet tagsOf(float[] multiHot) {
    if (multiHot.length != tags.size()) {
      throw new IllegalArgumentException(
          "vector has " + multiHot.length + " values, the vocabulary " + tags.size() + " tags");
    }
    List<String> present = new ArrayList<>();
    for (int i = 0; i < multiHot.length; i++) {
      if (multiHot[i] >= 0.5f) {
        present.add(tags.get(i));
      }
    }
    return TagSet.of(present);
  }
}
