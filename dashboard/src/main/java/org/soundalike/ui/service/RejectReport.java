package org.soundalike.ui.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The tracks the pipeline left out, with their reasons, read from the reject reports on each page
 * load: the ingest pipeline's {@code rejects.jsonl} ({@code {"path", "reason", "message"}} per
 * line, given with {@code --rejects}) and the export's reject report that {@code soundalike index}
 * writes beside its input ({@code <input>.rejects.jsonl}: {@code {"line", "id", "reason"}}), when
 * it lies in the serving run's folder. A line that is not such a record is listed as a problem;
 * the other lines still show.
 */
public final class RejectReport {

  /** The suffix {@code soundalike index} gives its reject report. */
  public static final String EXPORT_SUFFIX = ".rejects.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<Path> ingestRejects;
  private final Optional<Path> runFolder;

  public RejectReport(Optional<Path> ingestRejects, Optional<Path> runFolder) {
    this.ingestRejects = ingestRejects;
    this.runFolder = runFolder;
  }

  /**
   * One rejected input.
   *
   * @param stage "ingest" or "export"
   * @param report the file the line came from
   * @param item the rejected file (ingest) or track id and input line (export)
   * @param reason the stable reason code or the exporter's reason
   * @param detail the decoder's message, or "" when the report has none
   */
  public record Rejected(String stage, Path report, String item, String reason, String detail) {}

  /** What the reports hold: the rejects, the reports read, and whatever could not be read. */
  public record Listing(List<Rejected> rejects, List<Path> reports, List<String> problems) {

    public Listing {
      rejects = List.copyOf(rejects);
      reports = List.copyOf(reports);
      problems = List.copyOf(problems);
    }
  }

  /** Whether any report was configured (so the page can say what to pass when none was). */
  public boolean configured() {
    return ingestRejects.isPresent() || runFolder.isPresent();
  }

  public Listing read() {
    List<Rejected> rejects = new ArrayList<>();
    List<Path> reports = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    ingestRejects.ifPresent(file -> {
      if (Files.isRegularFile(file)) {
        reports.add(file);
        readLines(file, "ingest", rejects, problems);
      } else {
        problems.add(file + ": no such file (the --rejects report)");
      }
    });
    for (Path file : exportReports(problems)) {
      reports.add(file);
      readLines(file, "export", rejects, problems);
    }
    return new Listing(rejects, reports, problems);
  }

  private List<Path> exportReports(List<String> problems) {
    if (runFolder.isEmpty()) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(runFolder.get())) {
      return files.filter(f -> f.getFileName().toString().endsWith(EXPORT_SUFFIX) && Files.isRegularFile(f))
          .filter(f -> ingestRejects.map(i -> !sameFile(i, f)).orElse(true))
          .sorted().toList();
    } catch (IOException e) {
      problems.add("cannot list the run folder " + runFolder.get() + ": " + e.getMessage());
      return List.of();
    }
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static void readLines(Path file, String stage, List<Rejected> rejects, List<String> problems) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add("cannot read " + file + ": " + e.getMessage());
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        rejects.add(parse(file, stage, JSON.readTree(line)));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        problems.add(file + " line " + (i + 1) + ": not a reject record ({\"path\" or \"id\", \"reason\"}): "
            + firstLine(e.getMessage()));
      }
    }
  }

  private static Rejected parse(Path file, String stage, JsonNode node) {
    if (!node.isObject() || !node.hasNonNull("reason") || !(node.hasNonNull("path") || node.hasNonNull("id"))) {
      throw new IllegalArgumentException("needs \"reason\" and \"path\" or \"id\"");
    }
    String item = node.hasNonNull("path") ? node.get("path").asText()
        : node.get("id").asText() + (node.hasNonNull("line") ? " (input line " + node.get("line").asText() + ")" : "");
    StringBuilder detail = new StringBuilder(node.path("message").asText(""));
    if (node.hasNonNull("duplicateOf")) {
      detail.append(detail.length() == 0 ? "" : "; ").append("same content as ").append(node.get("duplicateOf").asText());
    }
    return new Rejected(stage, file, item, node.get("reason").asText(), detail.toString());
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
