package org.soundalike.ui.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.soundalike.eval.report.ReportException;
import org.soundalike.eval.report.RunResult;
import org.soundalike.eval.report.RunResultJson;
import org.soundalike.run.RunFolder;

/**
 * The evaluated runs of a results folder (every results.json under it, read by the evaluation's own
 * {@link RunResultJson}) and what their maps show.
 */
public final class RunResultsService {

  public static final String FILE_NAME = RunFolder.RESULTS_JSON;
  private static final int MAX_DEPTH = 6;

  /**
   * The paper's contrasting tag pairs (MagnaTagATune, MTG-Jamendo): the map starts with the first
   * pair whose tags both occur.
   */
  private static final List<List<String>> PAPER_PAIRS = List.of(
      List.of("female vocal", "no vocal"),
      List.of("instrument---voice", "genre---instrumentalpop"));

  private final Optional<Path> resultsDir;

  public RunResultsService(Optional<Path> resultsDir) {
    this.resultsDir = resultsDir.map(p -> p.toAbsolutePath().normalize());
  }

  /** The runs found and the files that could not be read (each with its reason). */
  public record Listing(List<RunEntry> runs, List<String> unreadable) {}

  /** Re-scans the folder on each call, so that new runs appear on a page reload. */
  public Listing list() {
    if (resultsDir.isEmpty() || !Files.isDirectory(resultsDir.get())) {
      return new Listing(List.of(), List.of());
    }
    List<RunEntry> runs = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    try (Stream<Path> files = Files.walk(resultsDir.get(), MAX_DEPTH)) {
      for (Path file : files.filter(f -> f.getFileName().toString().equals(FILE_NAME)).sorted().toList()) {
        try {
          runs.add(new RunEntry(file, RunResultJson.read(file)));
        } catch (ReportException e) {
          // One broken file must not hide the other runs; its reason is shown instead.
          unreadable.add(e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + resultsDir.get(), e);
    }
    runs.sort(Comparator.comparing(RunEntry::label));
    return new Listing(List.copyOf(runs), List.copyOf(unreadable));
  }

  /** The tags on the map, most frequent first (ties by name). */
  public List<String> tags(RunResult result) {
    Map<String, Integer> counts = new HashMap<>();
    result.tsne().forEach(p -> p.tags().forEach(t -> counts.merge(t, 1, Integer::sum)));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The paper's pair when both tags occur, else the two most frequent tags (or the only one). */
  public Optional<TagColouring> defaultColouring(RunResult result) {
    List<String> tags = tags(result);
    for (List<String> pair : PAPER_PAIRS) {
      if (tags.containsAll(pair)) {
        return Optional.of(TagColouring.contrast(pair.get(0), pair.get(1)));
      }
    }
    if (tags.size() >= 2) {
      return Optional.of(TagColouring.contrast(tags.get(0), tags.get(1)));
    }
    return tags.stream().findFirst().map(TagColouring::single);
  }

  /** The k tracks nearest to {@code id} on the map (Euclidean in the t-SNE plane), nearest first. */
  public List<Neighbour> neighboursOnMap(RunResult result, String id, int k) {
    RunResult.TsnePoint from = result.tsne().stream().filter(p -> p.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("track " + id + " is not on the map of run "
            + result.run().runId()));
    return result.tsne().stream()
        .filter(p -> !p.id().equals(id))
        .map(p -> new Neighbour(p.id(), p.tags(), Math.hypot(p.x() - from.x(), p.y() - from.y())))
        .sorted(Comparator.comparingDouble(Neighbour::distance))
        .limit(k)
        .toList();
  }
}
