package org.soundalike.dataset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many labelled training positives each tag keeps at each label fraction and seed (the draw of
 * {@link LabelFraction}, as training makes it), beside its positives in the whole training split
 * and in the test split. A tag with no labelled positive is still trained on: the labelled tracks
 * are its negatives, so the tag head learns to score it low; and it is still evaluated on the test
 * split when it has test positives there (docs/evaluation.md).
 *
 * @param fractions the label fractions, in the order given
 * @param seeds the seeds of the draws
 * @param labelledTracks fraction → labelled training tracks (the same for every seed)
 * @param tags tag (vocabulary order) → its counts
 */
public record LabelledPositives(List<Double> fractions, List<Long> seeds, Map<Double, Integer> labelledTracks,
    Map<String, TagCounts> tags) {

  /**
   * @param train positives in the training split
   * @param test positives in the test split
   * @param labelled fraction → one count per seed, in seed order
   */
  public record TagCounts(int train, int test, Map<Double, List<Integer>> labelled) {

    /** The fewest labelled positives over the seeds at {@code fraction}. */
    public int fewest(double fraction) {
      return labelled.get(fraction).stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    public int most(double fraction) {
      return labelled.get(fraction).stream().mapToInt(Integer::intValue).max().orElse(0);
    }
  }

  public static LabelledPositives of(Catalog catalog, List<Double> fractions, List<Long> seeds) {
    List<Track> train = catalog.tracks(Split.TRAIN);
    Map<Double, Integer> labelledTracks = new LinkedHashMap<>();
    Map<String, TagCounts> tags = new LinkedHashMap<>();
    Map<String, Map<Double, List<Integer>>> labelled = new LinkedHashMap<>();
    for (String tag : catalog.vocabulary().tags()) {
      labelled.put(tag, new LinkedHashMap<>());
    }
    for (double fraction : fractions) {
      labelledTracks.put(fraction, LabelFraction.labelledCount(fraction, train.size()));
      for (String tag : catalog.vocabulary().tags()) {
        labelled.get(tag).put(fraction, new java.util.ArrayList<>());
      }
      for (long seed : seeds) {
        Set<String> ids = new LabelFraction(fraction, seed).labelledIds(train);
        for (String tag : catalog.vocabulary().tags()) {
          int count = (int) train.stream().filter(t -> ids.contains(t.id()) && t.tags().contains(tag)).count();
          labelled.get(tag).get(fraction).add(count);
        }
      }
    }
    for (String tag : catalog.vocabulary().tags()) {
      int inTrain = (int) train.stream().filter(t -> t.tags().contains(tag)).count();
      int inTest = (int) catalog.tracks(Split.TEST).stream().filter(t -> t.tags().contains(tag)).count();
      Map<Double, List<Integer>> perFraction = new LinkedHashMap<>();
      labelled.get(tag).forEach((f, counts) -> perFraction.put(f, List.copyOf(counts)));
      tags.put(tag, new TagCounts(inTrain, inTest, perFraction));
    }
    return new LabelledPositives(List.copyOf(fractions), List.copyOf(seeds), labelledTracks, tags);
  }

  /** Tags with no labelled positive for at least one seed at {@code fraction}. */
  public long tagsWithoutPositives(double fraction) {
    return tags.values().stream().filter(c -> c.fewest(fraction) == 0).count();
  }

  /**
   * A Markdown table: per tag, its training and test positives and, per fraction, the labelled
   * positives (min–max over the seeds); a last row counts the tags left without any.
   */
  public String markdown() {
    StringBuilder out = new StringBuilder("| tag | train | test |");
    StringBuilder rule = new StringBuilder("|---|---:|---:|");
    for (double fraction : fractions) {
      out.append(' ').append(percent(fraction)).append(" (").append(labelledTracks.get(fraction)).append(" tracks) |");
      rule.append("---:|");
    }
    out.append('\n').append(rule).append('\n');
    tags.forEach((tag, counts) -> {
      out.append("| ").append(tag).append(" | ").append(counts.train()).append(" | ").append(counts.test()).append(" |");
      for (double fraction : fractions) {
        int low = counts.fewest(fraction);
        int high = counts.most(fraction);
        out.append(' ').append(low == high ? String.valueOf(low) : low + "–" + high).append(" |");
      }
      out.append('\n');
    });
    out.append("| tags without a labelled positive (any seed) | | |");
    for (double fraction : fractions) {
      out.append(' ').append(tagsWithoutPositives(fraction)).append(" |");
    }
    return out.append('\n').toString();
  }

  private static String percent(double fraction) {
    return java.math.BigDecimal.valueOf(fraction * 100).stripTrailingZeros().toPlainString() + " %";
  }
}
