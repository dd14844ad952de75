package org.soundalike.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.soundalike.run.RunProvenance;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.Track;
import org.soundalike.encode.EncodingException;
import org.soundalike.encode.TrackEncoder;
import org.soundalike.eval.EvaluationException;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.progress.Progress;
import org.soundalike.run.RunFolder;
import org.soundalike.eval.report.EmbeddingEvaluator;
import org.soundalike.eval.report.ReportException;
import org.soundalike.eval.report.RunResult;
import org.soundalike.eval.report.RunResultJson;

/**
 * Evaluates a trained run folder on a split of a catalog, as {@code soundalike evaluate --run}
 * and the evaluate pipeline do: every track of the split is embedded with the run's
 * {@link TrackEncoder} (its best checkpoint), then {@link EmbeddingEvaluator} computes the paper's
 * metrics, intervals, per-tag AUCs and t-SNE, and results.json is written with the run's
 * provenance from its run.json.
 *
 * <p>A track that cannot be embedded (unreadable, shorter than one excerpt) is left out of the
 * evaluation, as the reference code skips such tracks, but never silently: it is listed on the log
 * and in the provenance's {@code unevaluatedTracks} (track id → reason), so a reader of
 * results.json sees that the metrics cover fewer tracks than the split has.
 */
public final class RunEvaluation {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddingEvaluator evaluator;
  private final int parallelism;
  private final PrintStream log;

  /** What one evaluation wrote. */
  public record Outcome(RunResult result, Path file, Map<String, String> unevaluatedTracks) {}

  /**
   * @param parallelism concurrent encoder graphs (and embedding threads)
   * @param log progress lines and notices (stderr on the command line)
   */
  public RunEvaluation(EmbeddingEvaluator evaluator, int parallelism, PrintStream log) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    this.evaluator = Objects.requireNonNull(evaluator);
    this.parallelism = parallelism;
    this.log = log;
  }

  public static RunEvaluation withDefaults(int parallelism, PrintStream log) {
    return new RunEvaluation(EmbeddingEvaluator.withDefaults(), parallelism, log);
  }

  /** {@code run}/results.json: where {@code evaluate --run} writes by default. */
  public static Path defaultResults(Path run) {
    return RunFolder.of(run).resultsJson();
  }

  /**
   * The catalog {@code run} was trained from, as its run.json records it: what {@code evaluate}
   * uses when no {@code --catalog} is given.
   *
   * @throws EvaluationException when the run records no folder, the folder is gone, or it now
   *     holds another catalog (a different fingerprint): then the catalog must be named
   */
  public static Catalog trainingCatalog(Path run) {
    return trainingCatalog(run, Catalogs::open);
  }

  /** Opens a catalog folder (the evaluate pipeline's workers keep those they opened). */
  @FunctionalInterface
  public interface CatalogOpener {
    Catalog open(Path folder) throws IOException;
  }

  /** {@link #trainingCatalog(Path)}, opening the folder with {@code opener}. */
  public static Catalog trainingCatalog(Path run, CatalogOpener opener) {
    RunProvenance provenance = RunFolder.of(run).provenance();
    String recorded = provenance.catalogFolder();
    if (recorded == null) {
      throw new EvaluationException("run " + run + " does not record the catalog it was trained from: give --catalog DIR");
    }
    Path folder = Path.of(recorded);
    if (!Files.isDirectory(folder)) {
      throw new EvaluationException("run " + run + " was trained from " + folder + ", which no longer exists: give --catalog DIR");
    }
    Catalog catalog;
    try {
      catalog = opener.open(folder);
    } catch (IOException e) {
      throw new EvaluationException("cannot read the catalog " + folder + " that run " + run + " was trained from: " + e.getMessage());
    }
    if (provenance.catalogFingerprint() != null && !provenance.catalogFingerprint().equals(catalog.fingerprint())) {
      throw new EvaluationException("catalog " + folder + " has changed since run " + run + " was trained from it (fingerprint "
          + provenance.catalogFingerprint() + ", now " + catalog.fingerprint() + "): give --catalog DIR to evaluate on it anyway");
    }
    return catalog;
  }

  /**
   * True when {@code results} exists and is newer than the run's checkpoint, so evaluating again
   * would give the same numbers (the evaluation is seeded by the run).
   */
  public static boolean upToDate(Path run, Path results) {
    try {
      if (!Files.isRegularFile(results)) {
        return false;
      }
      // results.json older than the last checkpoint are stale
      Path checkpoint = RunFolder.of(run).lastCheckpoint();
      FileTime trained = Files.exists(checkpoint) ? Files.getLastModifiedTime(checkpoint) : FileTime.fromMillis(0);
      return Files.getLastModifiedTime(results).compareTo(trained) > 0;
    } catch (IOException e) {
      throw new ReportException("cannot read the times of " + results + " and " + run + ": " + e.getMessage(), e);
    }
  }

  /**
   * Embeds {@code split} of {@code catalog} with {@code run}, evaluates it and writes {@code out}.
   *
   * @throws EvaluationException when the run was trained on another tag vocabulary, or no track
   *     of the split could be embedded
   */
  public Outcome evaluate(Path run, Catalog catalog, Split split, Path out) {
    RunProvenance provenance = RunFolder.of(run).provenance();
    if (provenance.catalogFingerprint() != null && !provenance.catalogFingerprint().equals(catalog.fingerprint())) {
      log.println("note: run " + run + " was trained on catalog fingerprint " + provenance.catalogFingerprint()
          + ", evaluated on " + catalog.source() + " (fingerprint " + catalog.fingerprint() + ")");
    }
    Map<String, String> unevaluated = new LinkedHashMap<>();
    List<EmbeddedTrack> embedded;
    try (TrackEncoder encoder = TrackEncoder.load(run, parallelism)) {
      if (!catalog.vocabulary().tags().equals(encoder.tags())) {
        throw new EvaluationException("run " + run + " was trained on the tags " + encoder.tags()
            + ", catalog " + catalog.source() + " has " + catalog.vocabulary().tags());
      }
      embedded = embed(encoder, catalog.tracks(split), split, unevaluated);
    }
    unevaluated.forEach((id, reason) -> log.println("not evaluated: track " + id + ": " + reason));
    if (embedded.isEmpty()) {
      throw new EvaluationException("run " + run + ": no track of the " + split.name().toLowerCase()
          + " split of " + catalog.source() + " could be embedded");
    }
    RunProvenance recorded = unevaluated.isEmpty() ? provenance : withUnevaluated(provenance, unevaluated);
    EvaluationSet set = EvaluationSet.of(embedded);
    RunResult result;
    try (Progress progress = new Progress("retrieval " + provenance.runId(), "queries", set.tracksWithTags().length,
        log, System::nanoTime, Duration.ofSeconds(2))) {
      result = evaluator.evaluate(set, recorded, progress::advance);
    }
    RunResultJson.write(out, result);
    return new Outcome(result, out, Map.copyOf(unevaluated));
  }

  private List<EmbeddedTrack> embed(TrackEncoder encoder, List<Track> tracks, Split split, Map<String, String> failed) {
    List<EmbeddedTrack> embedded = new ArrayList<>(tracks.size());
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try (Progress progress = new Progress("embedding " + split.name().toLowerCase(), "tracks", tracks.size(),
        log, System::nanoTime, Duration.ofSeconds(2))) {
      List<Future<EmbeddedTrack>> futures = new ArrayList<>(tracks.size());
      for (Track track : tracks) {
        futures.add(pool.submit(() -> embedOne(encoder, track, progress)));
      }
      // Input order is kept: equal similarities rank by track index, so the order is part of the result.
      for (int i = 0; i < tracks.size(); i++) {
        try {
          embedded.add(futures.get(i).get());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof EncodingException)) {
            throw new EvaluationException("track " + tracks.get(i).id() + ": " + e.getCause());
          }
          failed.put(tracks.get(i).id(), e.getCause().getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EvaluationException("interrupted while embedding track " + tracks.get(i).id());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return embedded;
  }

  private static EmbeddedTrack embedOne(TrackEncoder encoder, Track track, Progress progress) {
    try {
      EmbeddedTrack out = encoder.toEmbeddedTrack(
          track.id(), new ArrayList<>(track.tags().tags()), encoder.encode(track.id(), track.audio()));
      progress.advance();
      return out;
    } catch (EncodingException e) {
      progress.fail();
      throw e;
    }
  }

  private static RunProvenance withUnevaluated(RunProvenance p, Map<String, String> unevaluated) {
    Map<String, JsonNode> extra = new LinkedHashMap<>(p.extra());
    extra.put("unevaluatedTracks", JSON.valueToTree(unevaluated));
    return new RunProvenance(p.runId(), p.dataset(), p.catalogFingerprint(), p.config(), p.variant(), p.techniques(),
        p.alpha(), p.r(), p.labelFraction(), p.seed(), p.codeVersion(), p.epochs(), p.trainedAt(), extra);
  }
}
