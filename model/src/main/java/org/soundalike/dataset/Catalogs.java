package org.soundalike.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a catalog folder in whichever supported format it holds. */
public final class Catalogs {

  private Catalogs() {}

  public static Catalog open(Path dir) throws IOException {
    return open(dir, CatalogOptions.defaults());
  }

  /**
   * Recognises the format by its files, in this order: the generic {@code tracks.csv}, then
   * MTG-Jamendo's split files, then MagnaTagATune's pons2017 split files.
   *
   * @throws CatalogException when {@code dir} is not a folder or holds none of them; the message
   *     lists what was looked for
   */
  public static Catalog open(Path folder, CatalogOptions options) throws IOException {
    // Absolute, so that the tracks' audio paths do not depend on the working directory later.
    Path dir = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new CatalogException(dir + ": not a folder");
    }
    if (GenericCatalog.isCatalog(dir)) {
      return GenericCatalog.open(dir);
    }
    if (MtgJamendo.isCatalog(dir)) {
      return MtgJamendo.open(dir, options);
    }
    if (MagnaTagATune.isCatalog(dir)) {
      return MagnaTagATune.open(dir, options);
    }
    throw new CatalogException(dir + ": no catalog found; looked for " + GenericCatalog.FILE_NAME
        + " (generic), " + MtgJamendo.lookedFor() + ", " + MagnaTagATune.lookedFor());
  }
}
