package org.soundalike.dataset;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.progress.Progress;

/**
 * What a catalog holds, for a person to check before training on it: tracks per split (and how
 * many have no tag), tag frequencies in vocabulary order, how many audio files are missing and
 * the fingerprint. Split keys are {@code train}, {@code valid}, {@code test} and {@code total}.
 */
public record CatalogSummary(
    String format,
    String source,
    String audioRoot,
    String fingerprint,
    Map<String, Integer> tracks,
    Map<String, Integer> tracksWithoutTags,
    int vocabularySize,
    Map<String, Map<String, Integer>> tagFrequencies,
    MissingAudio missingAudio) {

  /** The number of tracks whose audio file does not exist, and the first few of them. */
  public record MissingAudio(int count, List<String> first) {
    public MissingAudio {
      first = List.copyOf(first);
    }
  }

  /**
   * Summarises {@code catalog}, checking that every audio file exists (a progress line on stderr
   * while it does: on a network disk this is the slow part).
   *
   * @param missingShown how many missing files to name
   */
  public static CatalogSummary of(Catalog catalog, int missingShown) {
    Map<String, Integer> tracks = splitCounts();
    Map<String, Integer> withoutTags = splitCounts();
    Map<String, Map<String, Integer>> frequencies = new LinkedHashMap<>();
    catalog.vocabulary().tags().forEach(tag -> frequencies.put(tag, splitCounts()));
    int missing = 0;
    List<String> firstMissing = new ArrayList<>();
    try (Progress progress = new Progress("checking audio files", "tracks", catalog.size())) {
      for (Track track : catalog.tracks()) {
        String split = track.split().label();
        count(tracks, split);
        if (track.tags().isEmpty()) {
          count(withoutTags, split);
        }
        track.tags().tags().forEach(tag -> count(frequencies.get(tag), split));
        if (!Files.isRegularFile(track.audio())) {
          missing++;
          if (firstMissing.size() < missingShown) {
            firstMissing.add(track.id() + ": " + track.audio());
          }
        }
        progress.advance();
      }
    }
    return new CatalogSummary(catalog.format(), catalog.source().toString(), catalog.audioRoot().toString(),
        catalog.fingerprint(), tracks, withoutTags, catalog.vocabulary().size(), frequencies,
        new MissingAudio(missing, firstMissing));
  }

  private static Map<String, Integer> splitCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Split split : Split.values()) {
      counts.put(split.label(), 0);
    }
    counts.put("total", 0);
    return counts;
  }

  private static void count(Map<String, Integer> counts, String split) {
    counts.merge(split, 1, Integer::sum);
    counts.merge("total", 1, Integer::sum);
  }
}
