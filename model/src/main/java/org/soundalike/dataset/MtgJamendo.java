package org.soundalike.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MTG-Jamendo's auto-tagging split files, {@code autotagging_top50tags-{train,validation,test}.tsv}
 * (split-0 by default, METHOD.md). Each is tab-separated with the header {@code TRACK_ID ARTIST_ID
 * ALBUM_ID PATH DURATION TAGS}; every row then carries one or more tags, each in a column of its
 * own ({@code genre---rock}, {@code instrument---voice}, {@code mood/theme---happy}). PATH is
 * relative to the audio root ({@code 14/1234.mp3}). The vocabulary is the set of tags the three
 * files use (50 for top-50), sorted.
 *
 * <p>The files are looked for in the folder itself, then in {@code split-0/} and
 * {@code data/splits/split-0/} below it (the layout of the dataset's repository).
 */
public final class MtgJamendo {

  public static final String FORMAT = "mtg-jamendo";
  public static final String PREFIX = "autotagging_top50tags-";
  static final List<String> SUB_FOLDERS = List.of("", "split-0", "data/splits/split-0");
  private static final Map<Split, String> FILES =
      Map.of(Split.TRAIN, PREFIX + "train.tsv", Split.VALID, PREFIX + "validation.tsv", Split.TEST, PREFIX + "test.tsv");
  private static final String[] HEADER = {"TRACK_ID", "ARTIST_ID", "ALBUM_ID", "PATH", "DURATION", "TAGS"};
  // The dataset's three tag categories; anything else means a different or damaged file.
  private static final Pattern TAG = Pattern.compile("(genre|instrument|mood/theme)---\\S.*");

  private MtgJamendo() {}

  /** The folder holding at least one of the split files, if {@code dir} or a usual sub-folder has one. */
  public static Optional<Path> splitFolder(Path dir) {
    for (String sub : SUB_FOLDERS) {
      Path candidate = sub.isEmpty() ? dir : dir.resolve(sub);
      for (String name : FILES.values()) {
        if (Files.isRegularFile(candidate.resolve(name))) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  public static boolean isCatalog(Path dir) {
    return splitFolder(dir).isPresent();
  }

  /** What {@link Catalogs#open} looks for, for its error message. */
  static String lookedFor() {
    return PREFIX + "{train,validation,test}.tsv in ., split-0/ or data/splits/split-0/ (MTG-Jamendo)";
  }

  /**
   * Reads the three split files below {@code dir}; audio paths are resolved against
   * {@code options.audioRoot()} (default {@code dir}).
   *
   * @throws CatalogException naming the file (and line) of a missing file, a wrong header, a row
   *     with too few columns, a bad duration, a tag outside the dataset's categories or a track id
   *     seen before
   */
  public static Catalog open(Path dir, CatalogOptions options) throws IOException {
    Path folder = splitFolder(dir)
        .orElseThrow(() -> new CatalogException(dir + ": no MTG-Jamendo split file; looked for " + lookedFor()));
    AudioRoot audioRoot = new AudioRoot(options.audioRootFor(dir));
    List<Track> tracks = new ArrayList<>();
    Map<String, String> firstSeen = new HashMap<>();
    for (Split split : Split.values()) {
      Path file = folder.resolve(FILES.get(split));
      if (!Files.isRegularFile(file)) {
        throw new CatalogException(file + ": missing (an MTG-Jamendo catalog needs all of "
            + String.join(", ", FILES.values()) + ")");
      }
      readSplit(file, split, audioRoot, options.lowQualityAudio(), tracks, firstSeen);
    }
    TagVocabulary vocabulary = TagVocabulary.sortedUnionOf(tracks.stream().map(Track::tags).toList());
    return Catalog.of(FORMAT, folder, audioRoot.folder(), vocabulary, tracks);
  }

  private static void readSplit(Path file, Split split, AudioRoot audioRoot, boolean lowQuality, List<Track> tracks,
      Map<String, String> firstSeen) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !List.of(header.split("\t")).equals(List.of(HEADER))) {
        throw new CatalogException(file + " line 1: expected the header " + String.join("<TAB>", HEADER)
            + ", found '" + header + "'");
      }
      NumberedLines.forEach(in, file, 1, (line, where) -> {
        Track track = parseRow(line, split, audioRoot, lowQuality);
        String previous = firstSeen.putIfAbsent(track.id(), where);
        if (previous != null) {
          throw new CatalogException(where + ": duplicate track id " + track.id() + " (first at " + previous + ")");
        }
        tracks.add(track);
      });
    }
  }

  static Track parseRow(String line, Split split, AudioRoot audioRoot, boolean lowQuality) {
    String[] fields = line.split("\t");
    if (fields.length < 5) {
      throw new IllegalArgumentException("expected at least 5 tab-separated columns "
          + "(TRACK_ID, ARTIST_ID, ALBUM_ID, PATH, DURATION), found " + fields.length);
    }
    String id = fields[0].trim();
    String path = fields[3].trim();
    if (id.isEmpty() || path.isEmpty()) {
      throw new IllegalArgumentException("empty TRACK_ID or PATH");
    }
    try {
      double duration = Double.parseDouble(fields[4].trim());
      if (!(duration >= 0) || Double.isInfinite(duration)) {
        throw new IllegalArgumentException("DURATION '" + fields[4] + "' is not a non-negative number");
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("DURATION '" + fields[4] + "' is not a number (track " + id + ")");
    }
    List<String> tags = new ArrayList<>();
    for (int i = 5; i < fields.length; i++) {
      String tag = fields[i].trim();
      if (tag.isEmpty()) {
        continue;
      }
      if (!TAG.matcher(tag).matches()) {
        throw new IllegalArgumentException("tag '" + tag + "' of track " + id
            + " is not of the form genre---x, instrument---x or mood/theme---x");
      }
      tags.add(tag);
    }
    return new Track(id, audioRoot.resolve(lowQuality ? lowQualityPath(path) : path), split, TagSet.of(tags));
  }

  /** {@code 14/1234.mp3} becomes {@code 14/1234.low.mp3}, the name of the dataset's low-quality copy. */
  static String lowQualityPath(String path) {
    if (path.endsWith(".low.mp3")) {
      return path;
    }
    if (!path.endsWith(".mp3")) {
      throw new IllegalArgumentException("PATH '" + path + "' does not end in .mp3, so it has no .low.mp3 form");
    }
    return path.substring(0, path.length() - ".mp3".length()) + ".low.mp3";
  }
}
