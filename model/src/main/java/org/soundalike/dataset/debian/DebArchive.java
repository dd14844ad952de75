package org.soundalike.dataset.debian;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One downloaded {@code .deb}, read with the system's {@code dpkg-deb} and {@code tar} (Debian's
 * own tools read its archives best; nothing is installed). Paths inside the package are given
 * without the leading {@code ./}, for example {@code usr/share/games/supertux2/music/forest/x.ogg}.
 */
public final class DebArchive {

  /** One regular file of the package's data archive. */
  public record Entry(String path, long bytes) {}

  private final Path file;

  public DebArchive(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** A control field, for example {@code Package} or {@code Version}. */
  public String field(String name) {
    return run(List.of("dpkg-deb", "--field", file.toString(), name)).strip();
  }

  /** The regular files of the package (no folders, no links), in archive order. */
  public List<Entry> files() {
    List<Entry> entries = new ArrayList<>();
    for (String line : run(List.of("dpkg-deb", "--contents", file.toString())).split("\n")) {
      // -rw-r--r-- root/root   12345 2023-01-01 12:00 ./usr/share/x.ogg
      String[] columns = line.strip().split("\\s+", 6);
      if (columns.length < 6 || !columns[0].startsWith("-")) {
        continue;
      }
      entries.add(new Entry(stripDotSlash(columns[5]), Long.parseLong(columns[2])));
    }
    return entries;
  }

  /**
   * The package's copyright file, or an empty string when it ships none.
   *
   * @param files the package's {@link #files()}, listed once by the caller (each listing
   *     decompresses the whole package)
   */
  public String copyright(String packageName, List<Entry> files) {
    String wanted = "usr/share/doc/" + packageName + "/copyright";
    if (files.stream().noneMatch(e -> e.path().equals(wanted))) {
      return "";
    }
    try {
      Path dir = Files.createTempDirectory("soundalike-copyright");
      try {
        extract(List.of(wanted), dir);
        return Files.readString(dir.resolve(wanted), StandardCharsets.UTF_8);
      } finally {
        deleteTree(dir);
      }
    } catch (IOException e) {
      throw new DebianCatalogException(file + ": cannot read its copyright file: " + e.getMessage(), e);
    }
  }

  /**
   * Extracts {@code paths} (paths inside the package) under {@code dir}, keeping their folders:
   * {@code dpkg-deb --fsys-tarfile} piped into {@code tar -x}, so only those files are written.
   */
  public void extract(List<String> paths, Path dir) {
    try {
      Files.createDirectories(dir);
      Path list = Files.createTempFile("soundalike-extract", ".txt");
      try {
        Files.write(list, paths.stream().map(p -> "./" + p).toList(), StandardCharsets.UTF_8);
        List<Process> pipeline =
            ProcessBuilder.startPipeline(
                List.of(
                    new ProcessBuilder("dpkg-deb", "--fsys-tarfile", file.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT),
                    new ProcessBuilder("tar", "-x", "--occurrence=1", "-C", dir.toString(), "-T", list.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)));
        // tar --occurrence stops reading once every listed file is out, so dpkg-deb may then die of
        // a broken pipe: tar's exit status alone says whether every file was found and written.
        Process tar = pipeline.get(1);
        if (tar.waitFor() != 0) {
          int dpkg = pipeline.get(0).waitFor();
          throw new DebianCatalogException(file + ": extracting " + paths.size() + " files failed (tar exit "
              + tar.exitValue() + ", dpkg-deb exit " + dpkg + ")");
        }
        pipeline.get(0).waitFor();
      } finally {
        Files.deleteIfExists(list);
      }
    } catch (IOException e) {
      throw new DebianCatalogException(file + ": cannot extract: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DebianCatalogException(file + ": interrupted while extracting", e);
    }
  }

  /** Downloads the candidate version of {@code packageName} into {@code dir} with {@code apt-get download}. */
  public static DebArchive download(String packageName, Path dir) {
    try {
      Files.createDirectories(dir);
      Process p =
          new ProcessBuilder("apt-get", "download", packageName)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new DebianCatalogException("apt-get download " + packageName + " failed (run apt-get update?): " + out.strip());
      }
    } catch (IOException e) {
      throw new DebianCatalogException("cannot run apt-get download " + packageName + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DebianCatalogException("interrupted while downloading " + packageName, e);
    }
    return find(packageName, dir);
  }

  /**
   * The {@code .deb} of {@code packageName} in {@code dir} ({@code NAME_VERSION_ARCH.deb}, the name
   * apt-get gives it), or null when there is none.
   *
   * @throws DebianCatalogException when there are several versions to choose from
   */
  public static DebArchive find(String packageName, Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (var files = Files.list(dir)) {
      List<Path> found =
          files.filter(f -> f.getFileName().toString().startsWith(packageName + "_"))
              .filter(f -> f.getFileName().toString().endsWith(".deb"))
              .sorted()
              .toList();
      if (found.size() > 1) {
        throw new DebianCatalogException(dir + " holds several versions of " + packageName + ": " + found);
      }
      return found.isEmpty() ? null : new DebArchive(found.get(0));
    } catch (IOException e) {
      throw new DebianCatalogException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).start();
      // dpkg-deb's listing of a large package is a few MB: read it before waiting.
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new DebianCatalogException(file + ": " + String.join(" ", command.subList(0, 2)) + " failed: " + err.strip());
      }
      return out;
    } catch (IOException e) {
      throw new DebianCatalogException(file + ": cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DebianCatalogException(file + ": interrupted", e);
    }
  }

  private static String stripDotSlash(String path) {
    return path.startsWith("./") ? path.substring(2) : path;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
