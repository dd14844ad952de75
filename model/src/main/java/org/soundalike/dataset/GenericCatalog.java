package org.soundalike.dataset;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The project's own catalog format: a folder with the audio and {@code tracks.csv} whose columns
 * are {@code path,split,tags}; paths are relative to the folder, tags are separated by {@code ;}.
 * The track id is the path without its extension.
 */
public final class GenericCatalog {

  public static final String FORMAT = "generic";
  public static final String FILE_NAME = "tracks.csv";
  private static final String[] HEADER = {"path", "split", "tags"};

  private GenericCatalog() {}

  public static boolean isCatalog(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE_NAME));
  }

  /** The catalog of {@code dir}; its vocabulary is every tag some track carries, sorted. */
  public static Catalog open(Path dir) throws IOException {
    List<Track> tracks = read(dir);
    TagVocabulary vocabulary = TagVocabulary.sortedUnionOf(tracks.stream().map(Track::tags).toList());
    return Catalog.of(FORMAT, dir, dir, vocabulary, tracks);
  }

  /**
   * The tracks of {@code dir/tracks.csv} in file order.
   *
   * @throws CatalogException naming the file and the line of a malformed row, an unknown split or
   *     a duplicate id
   */
  public static List<Track> read(Path dir) throws IOException {
    Path csv = dir.resolve(FILE_NAME);
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    AudioRoot root = new AudioRoot(dir);
    List<Track> tracks = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser = format.parse(in)) {
      for (CSVRecord row : parser) {
        long line = row.getRecordNumber() + 1;
        try {
          String path = row.get("path");
          Track track =
              new Track(idOf(path), root.resolve(path), Split.parse(row.get("split")), parseTags(row.get("tags")));
          if (!ids.add(track.id())) {
            throw new IllegalArgumentException("duplicate track id " + track.id());
          }
          tracks.add(track);
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw new CatalogException(csv + " line " + line + ": " + e.getMessage(), e);
        }
      }
    } catch (UncheckedIOException e) {
      // commons-csv reports a broken quote while iterating; its message carries the line number.
      throw new CatalogException(csv + ": " + e.getCause().getMessage(), e);
    }
    return tracks;
  }

  /** Writes tracks.csv for tracks whose audio lies under {@code dir}. */
  public static void write(Path dir, List<Track> tracks) throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve(FILE_NAME + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out)) {
      for (Track track : tracks) {
        String path = dir.relativize(track.audio()).toString();
        printer.printRecord(path, track.split().label(), String.join(";", track.tags().tags()));
      }
    }
    Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String idOf(String relativePath) {
    int dot = relativePath.lastIndexOf('.');
    int slash = relativePath.lastIndexOf('/');
    return dot > slash ? relativePath.substring(0, dot) : relativePath;
  }

  static TagSet parseTags(String field) {
    if (field == null || field.isBlank()) {
      return TagSet.empty();
    }
    return TagSet.of(Arrays.stream(field.split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList());
  }
}
