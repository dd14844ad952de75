package org.soundalike.dataset.debian;

import java.util.List;
import org.soundalike.dataset.Split;

/**
 * One music file of the real catalog with its provenance: where it came from and under which
 * licence, and what is honestly known about it as tags.
 *
 * @param path the audio file relative to the catalog folder
 * @param packageName the Debian package that ships it (its collection)
 * @param packageVersion that package's version
 * @param pathInPackage where the package installs it (without the leading {@code ./})
 * @param licence the licence its copyright file states for it, or {@link Dep5Copyright#UNKNOWN}
 * @param seconds its decoded duration
 */
public record MusicTrack(
    String path, Split split, String packageName, String packageVersion, String pathInPackage, String licence, double seconds) {

  public static final String COLLECTION = "collection:";
  public static final String FOLDER = "folder:";
  public static final String LICENCE = "licence:";

  /** The track's tags: its collection, its folder and its licence. */
  public List<String> tags() {
    return List.of(COLLECTION + packageName, FOLDER + folder(pathInPackage), LICENCE + licence);
  }

  public MusicTrack withSplit(Split other) {
    return new MusicTrack(path, other, packageName, packageVersion, pathInPackage, licence, seconds);
  }

  /**
   * The nearest folder above the file whose name is not "music": the album where a package groups
   * its music in folders (supertux's {@code forest}, megaglest's factions), else the folder that
   * holds the music folder.
   */
  static String folder(String pathInPackage) {
    String[] segments = pathInPackage.split("/");
    for (int i = segments.length - 2; i >= 0; i--) {
      if (!segments[i].equalsIgnoreCase("music")) {
        return segments[i];
      }
    }
    return "music";
  }
}
