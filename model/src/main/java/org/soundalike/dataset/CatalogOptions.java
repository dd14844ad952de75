package org.soundalike.dataset;

import java.nio.file.Path;

/**
 * How to find the audio of a public dataset whose metadata lies elsewhere or whose copy renamed
 * the files. Ignored by the generic format, whose paths are relative to its folder by definition.
 *
 * @param audioRoot the folder the metadata's audio paths are relative to; {@code null} means the
 *     catalog folder itself
 * @param lowQualityAudio MTG-Jamendo only: the copy holds the dataset's low-quality audio, whose
 *     files are named {@code 14/1234.low.mp3} where the metadata says {@code 14/1234.mp3}
 */
public record CatalogOptions(Path audioRoot, boolean lowQualityAudio) {

  public static CatalogOptions defaults() {
    return new CatalogOptions(null, false);
  }

  public CatalogOptions withAudioRoot(Path root) {
    return new CatalogOptions(root, lowQualityAudio);
  }

  public CatalogOptions withLowQualityAudio(boolean low) {
    return new CatalogOptions(audioRoot, low);
  }

  /** The audio root (absolute) for a catalog found in {@code catalogDir}. */
  public Path audioRootFor(Path catalogDir) {
    return (audioRoot == null ? catalogDir : audioRoot).toAbsolutePath().normalize();
  }
}
