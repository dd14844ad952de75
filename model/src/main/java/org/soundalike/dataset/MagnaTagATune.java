package org.soundalike.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * MagnaTagATune with the conventional split of earlier work, as CLMR reads it ("pons2017"): the
 * index files of Pons et al.'s musicnn-training, all in one folder:
 *
 * <ul>
 *   <li>{@code train_gt_mtt.tsv}, {@code val_gt_mtt.tsv}, {@code test_gt_mtt.tsv}: one clip per line,
 *       {@code clip_id<TAB>[0.0, 1.0, ...]}, a list of 50 values in the order of {@link #TOP_50};
 *   <li>{@code index_mtt.tsv}: {@code clip_id<TAB>mp3 path} (e.g. {@code f/american_bach_soloists-...-30-59.mp3}),
 *       relative to the audio root;
 *   <li>{@code annotations_final.csv} (the dataset's own file, tab-separated, fields usually
 *       double-quoted): {@code clip_id}, 188 tag columns of 0/1, {@code mp3_path}.
 * </ul>
 *
 * The files are looked for in the folder itself, then in {@code magnatagatune/} below it (CLMR's
 * layout, audio folders {@code 0} .. {@code f} beside them; the audio root defaults to the folder
 * the split files are in). The split files are required, plus at least one of the two path
 * sources. If musicnn-training's {@code output_labels_mtt.txt} is there too, its list is the
 * vocabulary (it states the vectors' order); otherwise {@link #TOP_50}. When
 * {@code annotations_final.csv} is present every clip's values are checked against its columns:
 * the split files carry no header, so this is what proves their tag order is the vocabulary's.
 * The track id is the clip id.
 */
public final class MagnaTagATune {

  public static final String FORMAT = "magnatagatune";
  public static final String ANNOTATIONS = "annotations_final.csv";
  public static final String INDEX = "index_mtt.tsv";
  public static final String OUTPUT_LABELS = "output_labels_mtt.txt";
  private static final String CLMR_FOLDER = "magnatagatune";
  private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
  private static final Map<Split, String> SPLIT_FILES =
      Map.of(Split.TRAIN, "train_gt_mtt.tsv", Split.VALID, "val_gt_mtt.tsv", Split.TEST, "test_gt_mtt.tsv");

  /**
   * The top-50 tags, in the order of the split files' vectors: the 50 most frequent of the 188
   * columns of annotations_final.csv, most frequent first. This is the list of musicnn-training
   * ({@code data/index/mtt/output_labels_mtt.txt}, produced by its
   * {@code aux/MTT_index_files/create_MagnaTT_class_gt.py}), whose split files CLMR downloads.
   */
  public static final List<String> TOP_50 = List.of(
      "guitar", "classical", "slow", "techno", "strings", "drums", "electronic", "rock", "fast", "piano",
      "ambient", "beat", "violin", "vocal", "synth", "female", "indian", "opera", "male", "singing",
      "vocals", "no vocals", "harpsichord", "loud", "quiet", "flute", "woman", "male vocal", "no vocal", "pop",
      "soft", "sitar", "solo", "man", "classic", "choir", "voice", "new age", "dance", "male voice",
      "female vocal", "beats", "harp", "cello", "no voice", "weird", "country", "metal", "female voice", "choral");

  private MagnaTagATune() {}

  /** The folder holding the split files: {@code dir} itself or CLMR's {@code dir/magnatagatune}. */
  public static Optional<Path> splitFolder(Path dir) {
    for (Path candidate : List.of(dir, dir.resolve(CLMR_FOLDER))) {
      if (SPLIT_FILES.values().stream().anyMatch(name -> Files.isRegularFile(candidate.resolve(name)))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  public static boolean isCatalog(Path dir) {
    return splitFolder(dir).isPresent();
  }

  static String lookedFor() {
    return "train_gt_mtt.tsv, val_gt_mtt.tsv, test_gt_mtt.tsv with index_mtt.tsv or annotations_final.csv"
        + " in . or magnatagatune/ (MagnaTagATune, CLMR's pons2017 split)";
  }

  /**
   * @throws CatalogException naming the file and line of a malformed split or index row, a vector
   *     that is not 50 values of 0 or 1, a clip id seen before or without a path, or a clip whose
   *     values disagree with annotations_final.csv
   */
  public static Catalog open(Path dir, CatalogOptions options) throws IOException {
    Path folder = splitFolder(dir).orElseThrow(
        () -> new CatalogException(dir + ": no MagnaTagATune split file; looked for " + lookedFor()));
    for (String name : SPLIT_FILES.values()) {
      if (!Files.isRegularFile(folder.resolve(name))) {
        throw new CatalogException(folder.resolve(name) + ": missing (a MagnaTagATune catalog needs "
            + String.join(", ", SPLIT_FILES.values()) + ")");
      }
    }
    Path labelsFile = folder.resolve(OUTPUT_LABELS);
    TagVocabulary vocabulary =
        Files.isRegularFile(labelsFile) ? readOutputLabels(labelsFile) : TagVocabulary.of(TOP_50);
    Path annotationsFile = folder.resolve(ANNOTATIONS);
    Path indexFile = folder.resolve(INDEX);
    boolean annotated = Files.isRegularFile(annotationsFile);
    Map<String, Annotation> annotations = annotated ? readAnnotations(annotationsFile) : Map.of();
    PathSource paths;
    if (Files.isRegularFile(indexFile)) {
      paths = new PathSource(indexFile, readIndex(indexFile));
    } else if (annotated) {
      Map<String, String> byClip = new HashMap<>();
      annotations.forEach((id, a) -> byClip.put(id, a.path()));
      paths = new PathSource(annotationsFile, byClip);
    } else {
      throw new CatalogException(folder + ": MagnaTagATune split files found, but neither " + INDEX + " nor "
          + ANNOTATIONS + " to give the clips' audio paths");
    }
    AudioRoot audioRoot = new AudioRoot(options.audioRootFor(folder));
    Check check = annotated ? new Check(annotationsFile, annotations) : null;
    List<Track> tracks = new ArrayList<>();
    Map<String, String> firstSeen = new HashMap<>();
    for (Split split : Split.values()) {
      readSplit(folder.resolve(SPLIT_FILES.get(split)), split, vocabulary, paths, audioRoot, check, tracks, firstSeen);
    }
    return Catalog.of(FORMAT, folder, audioRoot.folder(), vocabulary, tracks);
  }

  /** Where the clips' audio paths come from: index_mtt.tsv or annotations_final.csv. */
  private record PathSource(Path file, Map<String, String> byClip) {}

  /** annotations_final.csv's rows, against which every split row is checked. */
  private record Check(Path file, Map<String, Annotation> rows) {}

  private static void readSplit(Path file, Split split, TagVocabulary vocabulary, PathSource paths, AudioRoot audioRoot,
      Check check, List<Track> tracks, Map<String, String> firstSeen) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      NumberedLines.forEach(in, file, 0, (line, where) -> {
        GroundTruth truth = parseGroundTruth(line, vocabulary);
        String path = paths.byClip().get(truth.clipId());
        if (path == null) {
          throw new IllegalArgumentException("clip " + truth.clipId() + " has no audio path in " + paths.file());
        }
        if (check != null) {
          checkAgainst(truth, check.rows().get(truth.clipId()), check.file(), vocabulary);
        }
        String previous = firstSeen.putIfAbsent(truth.clipId(), where);
        if (previous != null) {
          throw new CatalogException(where + ": duplicate clip id " + truth.clipId() + " (first at " + previous + ")");
        }
        tracks.add(new Track(truth.clipId(), audioRoot.resolve(path), split, truth.tags()));
      });
    }
  }

  record GroundTruth(String clipId, TagSet tags) {}

  /** One line of a pons2017 split file: {@code clip_id<TAB>[v1, ..., vT]}, each value 0 or 1. */
  static GroundTruth parseGroundTruth(String line, TagVocabulary vocabulary) {
    String[] fields = line.split("\t");
    if (fields.length != 2) {
      throw new IllegalArgumentException(
          "expected clip_id<TAB>[" + vocabulary.size() + " values], found " + fields.length + " columns");
    }
    String clipId = clipId(fields[0]);
    String list = fields[1].trim();
    if (!list.startsWith("[") || !list.endsWith("]")) {
      throw new IllegalArgumentException("the values of clip " + clipId + " are not a [..] list");
    }
    String[] values = list.substring(1, list.length() - 1).split(",");
    if (values.length != vocabulary.size()) {
      throw new IllegalArgumentException("clip " + clipId + " has " + values.length + " values, expected "
          + vocabulary.size() + " (one per tag of the vocabulary)");
    }
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (isOne(values[i], clipId)) {
        tags.add(vocabulary.tag(i));
      }
    }
    return new GroundTruth(clipId, TagSet.of(tags));
  }

  private static boolean isOne(String value, String clipId) {
    double v;
    try {
      v = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("value '" + value.trim() + "' of clip " + clipId + " is not a number");
    }
    if (v != 0.0 && v != 1.0) {
      throw new IllegalArgumentException("value '" + value.trim() + "' of clip " + clipId + " is neither 0 nor 1");
    }
    return v == 1.0;
  }

  private static String clipId(String field) {
    String id = field.trim();
    if (!id.matches("\\d+")) {
      throw new IllegalArgumentException("clip id '" + id + "' is not a number");
    }
    return id;
  }

  static Map<String, String> readIndex(Path file) throws IOException {
    Map<String, String> paths = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      NumberedLines.forEach(in, file, 0, (line, where) -> {
        String[] fields = line.split("\t");
        if (fields.length != 2 || fields[1].isBlank()) {
          throw new IllegalArgumentException("expected clip_id<TAB>mp3 path");
        }
        if (paths.put(clipId(fields[0]), fields[1].trim()) != null) {
          throw new IllegalArgumentException("duplicate clip id " + fields[0].trim());
        }
      });
    }
    return paths;
  }

  /** A row of annotations_final.csv: its line, its tags (of all 188) and its mp3 path. */
  record Annotation(long line, TagSet tags, String path) {}

  static Map<String, Annotation> readAnnotations(Path file) throws IOException {
    CSVFormat format = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    Map<String, Annotation> rows = new LinkedHashMap<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = format.parse(in)) {
      List<String> header = parser.getHeaderNames();
      if (header.size() < 3 || !header.get(0).equals("clip_id") || !header.get(header.size() - 1).equals("mp3_path")) {
        throw new CatalogException(file + " line 1: expected the header clip_id, <tags>, mp3_path");
      }
      List<String> tagNames = header.subList(1, header.size() - 1);
      for (CSVRecord row : parser) {
        long line = row.getRecordNumber() + 1;
        try {
          if (row.size() != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " columns, found " + row.size());
          }
          String clipId = clipId(row.get(0));
          List<String> tags = new ArrayList<>();
          for (int i = 0; i < tagNames.size(); i++) {
            String value = row.get(i + 1);
            if (value.equals("1")) {
              tags.add(tagNames.get(i));
            } else if (!value.equals("0")) {
              throw new IllegalArgumentException("column '" + tagNames.get(i) + "' of clip " + clipId
                  + " is '" + value + "', expected 0 or 1");
            }
          }
          if (rows.put(clipId, new Annotation(line, TagSet.of(tags), row.get(header.size() - 1))) != null) {
            throw new IllegalArgumentException("duplicate clip id " + clipId);
          }
        } catch (IllegalArgumentException e) {
          throw new CatalogException(file + " line " + line + ": " + e.getMessage(), e);
        }
      }
    } catch (UncheckedIOException e) {
      throw new CatalogException(file + ": " + e.getCause().getMessage(), e);
    }
    return rows;
  }

  private static void checkAgainst(
      GroundTruth truth, Annotation annotation, Path annotationsFile, TagVocabulary vocabulary) {
    if (annotation == null) {
      throw new IllegalArgumentException("clip " + truth.clipId() + " is not in " + annotationsFile);
    }
    List<String> expected = vocabulary.tags().stream().filter(annotation.tags()::contains).toList();
    if (!TagSet.of(expected).equals(truth.tags())) {
      throw new IllegalArgumentException("clip " + truth.clipId() + " has tags " + truth.tags().tags()
          + " but " + annotationsFile + " line " + annotation.line() + " says " + expected
          + " (are the split files in the vocabulary's tag order?)");
    }
  }

  /**
   * musicnn-training's {@code output_labels_mtt.txt}: a comment line, then
   * {@code MTT_LABELS = ['guitar', 'classical', ...]}, the order of the split files' vectors.
   */
  static TagVocabulary readOutputLabels(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int open = text.indexOf('[');
    int close = text.lastIndexOf(']');
    if (open < 0 || close < open) {
      throw new CatalogException(file + ": expected a list of quoted tags, MTT_LABELS = ['guitar', ...]");
    }
    List<String> tags = new ArrayList<>();
    Matcher quoted = QUOTED.matcher(text.substring(open + 1, close));
    while (quoted.find()) {
      tags.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
    }
    if (tags.isEmpty()) {
      throw new CatalogException(file + ": the tag list is empty");
    }
    try {
      return TagVocabulary.of(tags);
    } catch (IllegalArgumentException e) {
      throw new CatalogException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The {@code k} most frequent tags of an annotations_final.csv, most frequent first, ties in
   * column order: how {@link #TOP_50} was chosen, for checking a copy of the dataset.
   */
  public static List<String> mostFrequentTags(Path annotationsFile, int k) throws IOException {
    Map<String, Annotation> rows = readAnnotations(annotationsFile);
    List<String> columns;
    try (Reader in = Files.newBufferedReader(annotationsFile, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.TDF.builder().setHeader().setTrim(true).get().parse(in)) {
      List<String> header = parser.getHeaderNames();
      columns = header.subList(1, header.size() - 1);
    }
    Map<String, Integer> counts = new HashMap<>();
    rows.values().forEach(a -> a.tags().tags().forEach(tag -> counts.merge(tag, 1, Integer::sum)));
    return IntStream.range(0, columns.size()).boxed()
        .sorted(Comparator.<Integer>comparingInt(i -> -counts.getOrDefault(columns.get(i), 0))
            .thenComparingInt(i -> i))
        .limit(k)
        .map(columns::get)
        .toList();
  }
}
