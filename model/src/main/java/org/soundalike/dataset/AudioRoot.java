package org.soundalike.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a catalog's audio must lie in. Catalog rows name files by path; a row that names a
 * file elsewhere ({@code ../}, an absolute path, a symbolic link that leads out) is refused, so that
 * nothing that serves or reads a catalog's audio can be pointed at other files of the machine.
 *
 * @param folder the root, absolute and normalised (not necessarily its real path: callers keep the
 *     paths they gave, the check compares real paths)
 */
public record AudioRoot(Path folder) {

  public AudioRoot {
    folder = folder.toAbsolutePath().normalize();
  }

  /**
   * The audio file that {@code path} names, resolved against the root.
   *
   * @throws IllegalArgumentException when it lies outside the root, before or after following links
   */
  public Path resolve(String path) {
    Path file = folder.resolve(path).normalize();
    if (!file.startsWith(folder)) {
      throw new IllegalArgumentException("audio path '" + path + "' lies outside the catalog's audio root " + folder);
    }
    if (!contains(file)) {
      throw new IllegalArgumentException(
          "audio path '" + path + "' leads out of the catalog's audio root " + folder + " through a symbolic link");
    }
    return file;
  }

  /**
   * Whether {@code file} lies inside the root once links are followed. A file that does not exist
   * yet is judged by its nearest existing folder, so a missing file stays a decoding error (reported
   * per track) rather than a catalog error, unless the folder it would be in leads out.
   */
  public boolean contains(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(folder)) {
      return false;
    }
    if (!Files.exists(folder)) {
      return true; // nothing there to lead out of; every track will be reported missing
    }
    try {
      Path existing = absolute;
      while (!Files.exists(existing)) { // stops at the root at the latest
        existing = existing.getParent();
      }
      return existing.toRealPath().startsWith(folder.toRealPath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + file, e);
    }
  }
}
