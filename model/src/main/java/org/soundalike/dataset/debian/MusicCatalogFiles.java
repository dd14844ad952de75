package org.soundalike.dataset.debian;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.soundalike.dataset.GenericCatalog;
import org.soundalike.dataset.Split;

/**
 * The real catalog's files: {@code tracks.csv} in the generic format (path, split, tags) plus
 * provenance columns the generic reader ignores, and {@code catalog-debian.json}, the summary
 * (packages, tracks, hours, licences, splits, what was left out and why).
 */
public final class MusicCatalogFiles {

  public static final String SUMMARY = "catalog-debian.json";
  static final String[] HEADER = {"path", "split", "tags", "package", "version", "package_path", "licence", "seconds"};

  /** One package's share of the catalog. */
  public record PackageSummary(String name, String version, int tracks, double hours, Map<String, Integer> licences) {}

  /** What {@code catalog-debian.json} holds. */
  public record Summary(
      int tracks,
      double hours,
      Map<String, Integer> splits,
      Map<String, Integer> licences,
      List<PackageSummary> packages,
      double minSeconds,
      long seed,
      double testFraction,
      double validFraction,
      List<DebianMusicCatalog.LeftOut> leftOut) {}

  private MusicCatalogFiles() {}

  static void write(Path dir, List<MusicTrack> tracks, List<DebianMusicCatalog.LeftOut> leftOut, DebianMusicCatalog.Options options)
      throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve(GenericCatalog.FILE_NAME + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(out)) {
      for (MusicTrack t : tracks) {
        printer.printRecord(t.path(), t.split().label(), String.join(";", t.tags()), t.packageName(), t.packageVersion(),
            t.pathInPackage(), t.licence(), String.format(Locale.ROOT, "%.2f", t.seconds()));
      }
    }
    Files.move(tmp, dir.resolve(GenericCatalog.FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Summary summary = summarise(tracks, leftOut, options);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(SUMMARY).toFile(), summary);
  }

  public static Summary read(Path dir) throws IOException {
    return new ObjectMapper().readValue(dir.resolve(SUMMARY).toFile(), Summary.class);
  }

  static Summary summarise(List<MusicTrack> tracks, List<DebianMusicCatalog.LeftOut> leftOut, DebianMusicCatalog.Options options) {
    List<PackageSummary> packages =
        options.packages().stream()
            .map(name -> {
              List<MusicTrack> own = tracks.stream().filter(t -> t.packageName().equals(name)).toList();
              String version = own.isEmpty() ? "" : own.get(0).packageVersion();
              return new PackageSummary(name, version, own.size(), hours(own), licences(own));
            })
            .toList();
    Map<String, Integer> splits = new TreeMap<>();
    for (Split s : Split.values()) {
      splits.put(s.label(), (int) tracks.stream().filter(t -> t.split() == s).count());
    }
    return new Summary(tracks.size(), hours(tracks), splits, licences(tracks), packages, options.minSeconds(),
        options.split().seed(), options.split().testFraction(), options.split().validFraction(), leftOut);
  }

  private static double hours(List<MusicTrack> tracks) {
    return Math.round(tracks.stream().mapToDouble(MusicTrack::seconds).sum() / 36.0) / 100.0;
  }

  private static Map<String, Integer> licences(List<MusicTrack> tracks) {
    return tracks.stream().collect(Collectors.groupingBy(MusicTrack::licence, TreeMap::new, Collectors.summingInt(t -> 1)));
  }
}
