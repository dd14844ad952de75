package org.soundalike.ui.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The one private folder (owner-only) that holds a dashboard's uploads while they are received and
 * processed. It is named after the port, so two dashboards on one machine never sweep each
 * other's files; what a killed process left behind is swept when the next one starts.
 */
public final class UploadFolder {

  private UploadFolder() {}

  /** Creates (or sweeps) the folder for the dashboard on {@code port} under {@code parent}. */
  public static Path prepare(Path parent, int port) {
    Path folder = parent.resolve("soundalike-uploads-" + System.getProperty("user.name") + "-" + port);
    try {
      if (Files.isSymbolicLink(folder) || (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
          && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS))) {
        throw new IOException(folder + " exists and is not a folder; remove it");
      }
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(folder);
      }
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      try (Stream<Path> left = Files.list(folder)) {
        for (Path file : (Iterable<Path>) left::iterator) {
          Files.deleteIfExists(file);
        }
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the upload folder " + folder + ": " + e.getMessage(), e);
    }
  }
}
