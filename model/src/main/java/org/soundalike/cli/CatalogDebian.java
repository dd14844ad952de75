package org.soundalike.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.soundalike.dataset.CatalogException;
import org.soundalike.dataset.debian.DebianMusicCatalog;
import org.soundalike.dataset.debian.HeldAsideSplit;
import org.soundalike.dataset.debian.MusicCatalogFiles;
import org.soundalike.dataset.debian.MusicPackages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code soundalike catalog-debian}: the real catalog, music from Debian game-data packages. */
@Command(
    name = "catalog-debian",
    mixinStandardHelpOptions = true,
    description = {
      "Build a generic catalog of real music from Debian game-data packages: download each package"
          + " (apt-get download, nothing installed) or take its .deb from --debs, extract only the audio"
          + " of its music folders to OUT/<package>/<path in package>, keep tracks of at least"
          + " --min-seconds, and write OUT/tracks.csv (path,split,tags + package, version,"
          + " package_path, licence, seconds) and OUT/catalog-debian.json.",
      "Tags: collection:<package>, folder:<album or folder>, licence:<licence>. The test split is held"
          + " aside (seeded, stratified by package): never pre-train on it. Refuses wesnoth-*-music"
          + " and warzone2100-music (kept aside for independent checks) unless --allow-kept-aside."
    })
public final class CatalogDebian implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The catalog folder to write.")
  Path out;

  @Option(names = "--packages", split = ",", paramLabel = "P,...",
      description = "Debian packages to take music from (default: the surveyed list, docs/datasets.md).")
  List<String> packages;

  @Option(names = "--debs", paramLabel = "DIR",
      description = "Where the .deb files are, or are downloaded to (default: OUT/debs).")
  Path debs;

  @Option(names = "--offline", description = "Only use the .deb files already in --debs; never download.")
  boolean offline;

  @Option(names = "--min-seconds", defaultValue = "45", description = "Shortest track kept (default: ${DEFAULT-VALUE}).")
  double minSeconds;

  @Option(names = "--seed", defaultValue = "13", description = "Seeds the split (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--test-fraction", defaultValue = "0.2",
      description = "Held-aside test share of each package (default: ${DEFAULT-VALUE}).")
  double testFraction;

  @Option(names = "--valid-fraction", defaultValue = "0.1",
      description = "Validation share of each package (default: ${DEFAULT-VALUE}).")
  double validFraction;

  @Option(names = "--threads", defaultValue = "2", description = "Files decoded at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--allow-kept-aside",
      description = "Accept wesnoth-*-music and warzone2100-music, which are kept aside for independent checks.")
  boolean allowKeptAside;

  @Override
  public Integer call() throws Exception {
    List<String> chosen = packages == null || packages.isEmpty() ? MusicPackages.DEFAULT : packages;
    try {
      MusicPackages.requireNotKeptAside(chosen, allowKeptAside);
      DebianMusicCatalog.Options options =
          new DebianMusicCatalog.Options(out, debs != null ? debs : out.resolve("debs"), chosen, !offline, minSeconds,
              new HeldAsideSplit(testFraction, validFraction, seed), threads);
      DebianMusicCatalog.Result result = new DebianMusicCatalog(System.err).build(options);
      MusicCatalogFiles.Summary summary = MusicCatalogFiles.read(out);
      spec.commandLine().getOut().printf(Locale.ROOT, "%d tracks, %.2f h from %d packages (%s), %d left out; licences %s%n",
          result.tracks().size(), summary.hours(), chosen.size(), String.join(", ", chosen), result.leftOut().size(),
          summary.licences());
      spec.commandLine().getOut().flush();
      return 0;
    } catch (CatalogException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("soundalike catalog-debian: " + e.getMessage());
      return 2;
    }
  }
}
