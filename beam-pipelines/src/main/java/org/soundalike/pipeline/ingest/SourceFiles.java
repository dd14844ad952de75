package org.soundalike.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.GenericCatalog;
import org.soundalike.dataset.MagnaTagATune;
import org.soundalike.dataset.MtgJamendo;
import org.soundalike.dataset.Track;
import org.soundalike.pipeline.runner.PipelineInputException;

/**
 * Finds the files an ingest must account for: a catalog folder's tracks (keeping their ids, splits
 * and tags), or else every regular file under a plain folder, audio or not, so that a stray text
 * file shows up in the rejects instead of vanishing.
 */
public final class SourceFiles {

  private SourceFiles() {}

  /**
   * @param input a catalog folder or a plain folder
   * @param exclude a folder to leave out of a plain-folder walk (the ingest's own output), or null
   * @throws PipelineInputException if {@code input} is not a folder or cannot be read
   */
  public static List<SourceFile> find(Path input, Path exclude) {
    Path dir = input.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new PipelineInputException(dir + ": not a folder (expected a folder of audio or a catalog folder)");
    }
    try {
      return isCatalog(dir) ? fromCatalog(Catalogs.open(dir)) : walk(dir, exclude);
    } catch (IOException e) {
      throw new PipelineInputException(dir + ": cannot read: " + e.getMessage(), e);
    }
  }

  public static boolean isCatalog(Path dir) {
    return GenericCatalog.isCatalog(dir) || MtgJamendo.isCatalog(dir) || MagnaTagATune.isCatalog(dir);
  }

  static List<SourceFile> fromCatalog(Catalog catalog) {
    return catalog.tracks().stream().map(SourceFiles::fromTrack).toList();
  }

  private static SourceFile fromTrack(Track track) {
    return new SourceFile(track.audio().toAbsolutePath().normalize().toString(), track.id(), track.split().label(),
        List.copyOf(track.tags().tags()));
  }

  private static List<SourceFile> walk(Path dir, Path exclude) throws IOException {
    Path skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(p -> skip == null || !p.startsWith(skip))
          .filter(Files::isRegularFile)
          .sorted()
          .map(p -> SourceFile.plain(p.toString()))
          .toList();
    }
  }
}
