package org.soundalike.dataset.debian;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which Debian game-data packages the real catalog takes its music from, which ones it must never
 * touch, and where the music sits inside each.
 */
public final class MusicPackages {

  /**
   * Surveyed on Debian 12 (bookworm), 2026-12-04, with {@code apt-get download} and
   * {@code dpkg-deb -c}: the packages whose music folders hold real recordings (OGG Vorbis).
   * boswars-data, neverball-data and tomatoes-data are left out: no music folder with recordings
   * (tomatoes' one track is an Impulse Tracker module).
   */
  public static final List<String> DEFAULT =
      List.of(
          "extremetuxracer-data",
          "freedroidrpg-data",
          "frozen-bubble-data",
          "hedgewars-data",
          "megaglest-data",
          "pushover-data",
          "supertux-data",
          "supertuxkart-data",
          "widelands-data");

  /**
   * Kept aside for independent checks of the trained models (issue 13): never trained or tuned
   * on, so the catalog command refuses them unless told explicitly.
   */
  private static final Pattern KEPT_ASIDE = Pattern.compile("wesnoth(-.+)?-music|warzone2100-music");

  /**
   * Packages whose music is not in a folder named {@code music}: the folder (or file-name pattern)
   * that holds it, matched against the path inside the package.
   */
  private static final Map<String, Pattern> OTHER_MUSIC_FOLDERS =
      Map.of(
          "pushover-data", Pattern.compile("usr/share/pushover/themes/[^/]+"),
          "frozen-bubble-data", Pattern.compile("usr/share/games/frozen-bubble/snd/[^/]*zik[^/]*"));

  private MusicPackages() {}

  public static boolean keptAside(String packageName) {
    return KEPT_ASIDE.matcher(packageName).matches();
  }

  /**
   * @throws DebianCatalogException naming the first kept-aside package, unless {@code allowKeptAside}
   */
  public static void requireNotKeptAside(List<String> packages, boolean allowKeptAside) {
    if (allowKeptAside) {
      return;
    }
    for (String name : packages) {
      if (keptAside(name)) {
        throw new DebianCatalogException(
            name + " is kept aside for independent checks (wesnoth-*-music, warzone2100-music): "
                + "never train or tune on it; --allow-kept-aside builds a catalog of it anyway");
      }
    }
  }

  /**
   * Whether a path inside a package is music by where it lies: under a folder named music (any
   * case), or in the package's known other music folder.
   */
  static boolean inMusicFolder(String packageName, String pathInPackage) {
    Pattern other = OTHER_MUSIC_FOLDERS.get(packageName);
    if (other != null && other.matcher(pathInPackage).matches()) {
      return true;
    }
    String[] segments = pathInPackage.split("/");
    for (int i = 0; i < segments.length - 1; i++) {
      if (segments[i].equalsIgnoreCase("music")) {
        return true;
      }
    }
    return false;
  }
}
