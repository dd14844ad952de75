package org.soundalike.corpus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.soundalike.audio.AudioSpec;
import org.soundalike.dataset.GenericCatalog;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.Track;
import org.soundalike.progress.Progress;

/**
 * Generates, renders and writes a demo corpus: {@code audio/<name>.wav}, {@code tracks.csv} (the
 * project's {@link GenericCatalog}) and {@code corpus.json} ({@link CorpusManifest}). A folder that
 * already holds the same corpus is reused as it is.
 */
public final class CorpusBuilder {

  private final InstrumentBank bank;
  private final int threads;
  private final String codeVersion;
  private final PrintStream log;

  /**
   * @param threads renders at once; each has its own synthesizer (two synthesizers in two threads
   *     render identically, so the result does not depend on this)
   * @param log progress line, warnings and what was reused
   */
  public CorpusBuilder(InstrumentBank bank, int threads, String codeVersion, PrintStream log) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.bank = bank;
    this.threads = threads;
    this.codeVersion = codeVersion;
    this.log = log;
  }

  /** The tracks a corpus with these parameters holds, without rendering anything. */
  public static List<CorpusTrack> plan(CorpusParameters parameters) {
    CorpusDesign design = parameters.design();
    List<PieceSpec> pieces = new PieceGenerator(parameters.seed(), design).pieces(parameters.tracks());
    List<Split> splits = SplitAssigner.assign(pieces, parameters.seed(), design.validFraction(), design.testFraction());
    LabelNoise noise = new LabelNoise(parameters.labelNoise(), parameters.seed(), design.vocabulary());
    List<CorpusTrack> tracks = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      PieceSpec piece = pieces.get(i);
      Split split = splits.get(i);
      tracks.add(new CorpusTrack(piece, split, split == Split.TRAIN ? noise.labels(i, piece.tags()) : piece.tags()));
    }
    return tracks;
  }

  public CorpusSummary build(Path dir, CorpusParameters parameters) {
    if (parameters.seconds() < AudioSpec.excerptSeconds()) {
      log.printf("WARNING: %.2f s tracks are shorter than one %.2f s excerpt: training cannot use them%n",
          parameters.seconds(), AudioSpec.excerptSeconds());
    }
    List<CorpusTrack> tracks = plan(parameters);
    if (tracks.size() < 3) {
      log.println("WARNING: with fewer than 3 tracks every track is in the training split (valid and test are empty)");
    }
    CorpusManifest manifest = CorpusManifest.of(parameters, bank, tracks, codeVersion);
    CorpusManifest existing = CorpusManifest.readIfPresent(dir);
    if (existing != null) {
      boolean same = existing.describesSameCorpusAs(manifest);
      if (same && complete(dir, existing)) {
        log.println("corpus: " + dir + " already holds this corpus (" + existing.summary() + "); reusing it");
        return summary(dir, parameters, tracks, true, 0);
      }
      log.println(same
          ? "corpus: " + dir + " holds this corpus but files are missing; rendering it again"
          : "corpus: replacing the different corpus in " + dir + " (" + existing.summary() + ")");
      // An interrupted render must not leave the old manifest vouching for a mix of old and new audio.
      CorpusManifest.delete(dir);
    }
    log.printf("corpus: rendering %d tracks of %.1f s with soundbank %s on %d thread(s)%n",
        tracks.size(), parameters.seconds(), bank.description(), threads);
    long start = System.nanoTime();
    render(dir, tracks, parameters.seconds());
    double renderSeconds = (System.nanoTime() - start) / 1e9;
    removeStaleAudio(dir, tracks);
    writeCatalog(dir, tracks);
    manifest.write(dir);
    return summary(dir, parameters, tracks, false, renderSeconds);
  }

  private void render(Path dir, List<CorpusTrack> tracks, double seconds) {
    GervillRenderer renderer = new GervillRenderer(bank);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Progress progress = new Progress("render", "tracks", tracks.size(), log,
        System::nanoTime, java.time.Duration.ofSeconds(2))) {
      List<Future<?>> futures = new ArrayList<>();
      for (CorpusTrack track : tracks) {
        futures.add(pool.submit(() -> {
          float[] audio = renderer.render(Arranger.arrange(track.piece(), seconds));
          PcmWav.writePeakNormalized(dir.resolve(track.audioPath()), audio);
          progress.advance();
        }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          futures.forEach(f -> f.cancel(true));
          Throwable cause = e.getCause();
          throw cause instanceof CorpusException c ? c
              : new CorpusException(tracks.get(i).piece().name() + ": " + cause, cause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CorpusException("interrupted while rendering " + tracks.get(i).piece().name(), e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean complete(Path dir, CorpusManifest manifest) {
    return GenericCatalog.isCatalog(dir)
        && manifest.audioPaths().stream().allMatch(p -> Files.isRegularFile(dir.resolve(p)));
  }

  /** A smaller corpus rendered over a larger one must not leave the larger one's tracks behind. */
  private static void removeStaleAudio(Path dir, List<CorpusTrack> tracks) {
    Set<Path> current = new HashSet<>();
    tracks.forEach(t -> current.add(dir.resolve(t.audioPath())));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve("audio"), "track-*.wav")) {
      for (Path file : files) {
        if (!current.contains(file)) {
          Files.delete(file);
        }
      }
    } catch (IOException e) {
      throw new CorpusException("cannot clean " + dir.resolve("audio") + ": " + e.getMessage(), e);
    }
  }

  private static void writeCatalog(Path dir, List<CorpusTrack> tracks) {
    List<Track> catalog = tracks.stream()
        .map(t -> new Track(t.id(), dir.resolve(t.audioPath()), t.split(), t.labels()))
        .toList();
    try {
      GenericCatalog.write(dir, catalog);
    } catch (IOException e) {
      throw new CorpusException("cannot write " + dir.resolve(GenericCatalog.FILE_NAME) + ": " + e.getMessage(), e);
    }
  }

  private CorpusSummary summary(Path dir, CorpusParameters parameters, List<CorpusTrack> tracks, boolean reused,
      double renderSeconds) {
    Map<Split, Integer> perSplit = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      perSplit.put(split, (int) tracks.stream().filter(t -> t.split() == split).count());
    }
    return new CorpusSummary(dir, parameters, bank.description(), reused, perSplit,
        tracks.size() * parameters.seconds(), CorpusManifest.labelCounts(parameters.design(), tracks, true), renderSeconds, threads);
  }
}
