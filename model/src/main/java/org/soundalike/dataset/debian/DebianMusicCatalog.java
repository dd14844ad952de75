package org.soundalike.dataset.debian;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioInspector;
import org.soundalike.audio.Inspection;
import org.soundalike.dataset.Split;
import org.soundalike.progress.Progress;

/**
 * Builds the real catalog from Debian game-data packages: fetch each package (or take the
 * {@code .deb} already in the download folder), extract only the audio files of its music folders
 * to {@code OUT/<package>/<path in package>}, decode each one and keep those at least
 * {@code minSeconds} long, name each track's licence from the package's copyright file, assign the
 * held-aside split and write {@code tracks.csv} and {@code catalog-debian.json}
 * ({@link MusicCatalogFiles}).
 */
public final class DebianMusicCatalog {

  private static final Set<String> AUDIO_EXTENSIONS = Set.of("ogg", "oga", "opus", "mp3", "flac", "wav");

  /**
   * @param out the catalog folder
   * @param debs where the packages are downloaded to, or found already downloaded
   * @param download whether a package missing from {@code debs} is fetched with apt-get
   * @param threads decoders at work at once
   */
  public record Options(
      Path out, Path debs, List<String> packages, boolean download, double minSeconds, HeldAsideSplit split, int threads) {}

  /** A candidate file left out of the catalog, and why. */
  public record LeftOut(String path, String reason) {}

  /** What was built. */
  public record Result(List<MusicTrack> tracks, List<LeftOut> leftOut) {}

  private final PrintStream log;

  public DebianMusicCatalog(PrintStream log) {
    this.log = log;
  }

  public Result build(Options options) throws IOException {
    List<MusicTrack> candidates = new ArrayList<>();
    for (String name : options.packages()) {
      candidates.addAll(extractMusic(name, options));
    }
    List<LeftOut> leftOut = new ArrayList<>();
    List<MusicTrack> kept = measure(candidates, options, leftOut);
    List<MusicTrack> tracks = options.split().assign(kept);
    MusicCatalogFiles.write(options.out(), tracks, leftOut, options);
    return new Result(tracks, leftOut);
  }

  /** The package's music files, extracted, as tracks without a duration or split yet. */
  private List<MusicTrack> extractMusic(String name, Options options) {
    DebArchive deb = DebArchive.find(name, options.debs());
    if (deb == null) {
      if (!options.download()) {
        throw new DebianCatalogException("no " + name + "_*.deb in " + options.debs() + " (and downloading is off)");
      }
      log.printf("%s: downloading with apt-get into %s%n", name, options.debs());
      deb = DebArchive.download(name, options.debs());
      if (deb == null) {
        throw new DebianCatalogException("apt-get download " + name + " left no " + name + "_*.deb in " + options.debs());
      }
    }
    String packageName = deb.field("Package");
    if (!packageName.equals(name)) {
      throw new DebianCatalogException(deb.file() + " is package " + packageName + ", not " + name);
    }
    String version = deb.field("Version");
    List<DebArchive.Entry> files = deb.files();
    List<String> music =
        files.stream()
            .map(DebArchive.Entry::path)
            .filter(p -> AUDIO_EXTENSIONS.contains(extension(p)) && MusicPackages.inMusicFolder(name, p))
            .toList();
    Path target = options.out().resolve(name);
    List<String> missing = music.stream().filter(p -> !Files.isRegularFile(target.resolve(p))).toList();
    log.printf("%s %s: %d music files in its music folders, %d to extract%n", name, version, music.size(), missing.size());
    if (!missing.isEmpty()) {
      deb.extract(missing, target);
    }
    Dep5Copyright copyright = Dep5Copyright.parse(deb.copyright(name, files));
    return music.stream()
        .map(p -> new MusicTrack(name + "/" + p, Split.TRAIN, name, version, p, copyright.licenceOf(p), 0))
        .toList();
  }

  /** Decodes every candidate; keeps the decodable ones of at least minSeconds and deletes the others. */
  private List<MusicTrack> measure(List<MusicTrack> candidates, Options options, List<LeftOut> leftOut) throws IOException {
    AudioInspector inspector = new AudioInspector(new AudioDecoder());
    List<Inspection> inspections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
    try (Progress progress = new Progress("decode", "tracks", candidates.size(), log, System::nanoTime, Duration.ofSeconds(5))) {
      List<Future<Inspection>> futures = new ArrayList<>();
      for (MusicTrack t : candidates) {
        futures.add(pool.submit(() -> {
          Inspection inspection = inspector.inspect(options.out().resolve(t.path()));
          progress.advance();
          return inspection;
        }));
      }
      for (Future<Inspection> f : futures) {
        inspections.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DebianCatalogException("interrupted while decoding the music", e);
    } catch (ExecutionException e) {
      throw new DebianCatalogException("decoding failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<MusicTrack> kept = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      MusicTrack t = candidates.get(i);
      Inspection inspection = inspections.get(i);
      String reason = null;
      if (!inspection.ok()) {
        reason = inspection.error();
      } else if (inspection.facts().seconds() < options.minSeconds()) {
        reason = String.format(Locale.ROOT, "%.1f s is shorter than %.0f s", inspection.facts().seconds(), options.minSeconds());
      }
      if (reason == null) {
        kept.add(new MusicTrack(t.path(), t.split(), t.packageName(), t.packageVersion(), t.pathInPackage(), t.licence(),
            inspection.facts().seconds()));
      } else {
        leftOut.add(new LeftOut(t.path(), reason));
        Files.deleteIfExists(options.out().resolve(t.path()));
      }
    }
    return kept;
  }

  private static String extension(String path) {
    int dot = path.lastIndexOf('.');
    return dot < path.lastIndexOf('/') + 1 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
