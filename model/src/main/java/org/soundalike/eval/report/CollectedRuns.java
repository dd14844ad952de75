package org.soundalike.eval.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.soundalike.run.RunFolder;

/**
 * Every results.json under a folder (recursively), each run counted once. A run evaluated more
 * than once (the same runId in several files) counts with its newest evaluation ({@code
 * evaluatedAt}, then the file's modification time); the others are listed in {@link #duplicates()}
 * so the report can say so. A malformed file stops the collection with a {@link ReportException}
 * naming it: a report silently missing runs would mislead.
 */
public record CollectedRuns(List<Run> runs, List<Duplicate> duplicates) {

  /** One counted run and the file it came from. */
  public record Run(Path file, RunResult result) {}

  /** A runId found in several files: which one counted and which did not. */
  public record Duplicate(String runId, Path kept, List<Path> ignored) {

    public Duplicate {
      ignored = List.copyOf(ignored);
    }
  }

  public CollectedRuns {
    runs = List.copyOf(runs);
    duplicates = List.copyOf(duplicates);
  }

  public static CollectedRuns collect(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ReportException(dir + ": not a folder");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.getFileName().toString().equals(RunFolder.RESULTS_JSON) && Files.isRegularFile(p))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException | UncheckedIOException e) {
      throw new ReportException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    List<Run> read = new ArrayList<>();
    for (Path file : files) {
      read.add(new Run(file, RunResultJson.read(file)));
    }
    return of(read);
  }

  /** Counts each runId once (its newest evaluation), in the order the runIds first appear. */
  public static CollectedRuns of(List<Run> read) {
    Map<String, List<Run>> byId = new LinkedHashMap<>();
    read.forEach(run -> byId.computeIfAbsent(run.result().run().runId(), id -> new ArrayList<>()).add(run));
    List<Run> runs = new ArrayList<>();
    List<Duplicate> duplicates = new ArrayList<>();
    for (Map.Entry<String, List<Run>> entry : byId.entrySet()) {
      List<Run> versions = new ArrayList<>(entry.getValue());
      versions.sort(NEWEST_FIRST);
      runs.add(versions.get(0));
      if (versions.size() > 1) {
        duplicates.add(new Duplicate(entry.getKey(), versions.get(0).file(),
            versions.subList(1, versions.size()).stream().map(Run::file).toList()));
      }
    }
    return new CollectedRuns(runs, duplicates);
  }

  private static final Comparator<Run> NEWEST_FIRST = Comparator
      .comparing((Run run) -> evaluatedAt(run), Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(CollectedRuns::modified, Comparator.reverseOrder())
      .thenComparing(Run::file);

  private static Instant evaluatedAt(Run run) {
    String stamp = run.result().evaluatedAt();
    if (stamp == null) {
      return null;
    }
    try {
      return Instant.parse(stamp);
    } catch (DateTimeParseException e) {
      throw new ReportException(run.file() + ": 'evaluatedAt' is not an ISO-8601 instant: " + stamp, e);
    }
  }

  private static Instant modified(Run run) {
    try {
      return Files.exists(run.file()) ? Files.getLastModifiedTime(run.file()).toInstant() : Instant.EPOCH;
    } catch (IOException e) {
      throw new ReportException("cannot read the modification time of " + run.file() + ": " + e.getMessage(), e);
    }
  }
}
