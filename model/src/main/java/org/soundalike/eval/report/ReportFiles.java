package org.soundalike.eval.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.soundalike.eval.QueryBootstrap;

/**
 * Writes an {@link ExperimentReport} as report.json (for the dashboard), report.md (the paper's
 * tables, one per dataset and label fraction, best per column in bold) and report.csv (one row
 * per dataset × variant × fraction: the mean and interval over seeds of every metric).
 */
public final class ReportFiles {

  public static final String JSON_FILE = "report.json";
  public static final String MARKDOWN_FILE = "report.md";
  public static final String CSV_FILE = "report.csv";

  private ReportFiles() {}

  /** Writes the three files into {@code dir} (created if needed), replacing earlier ones. */
  public static void write(ExperimentReport report, Path dir) {
    try {
      Files.createDirectories(dir);
      RunResultJson.JSON.writeValue(dir.resolve(JSON_FILE).toFile(), report);
      Files.writeString(dir.resolve(MARKDOWN_FILE), markdown(report), StandardCharsets.UTF_8);
      writeCsv(report, dir.resolve(CSV_FILE));
    } catch (IOException e) {
      throw new ReportException("cannot write the report into " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a report.json (the dashboard shows it); absent lists and maps read as empty, unknown
   * fields are ignored.
   */
  public static ExperimentReport read(Path file) {
    try {
      ExperimentReport report = RunResultJson.JSON.readValue(file.toFile(), ExperimentReport.class);
      if (report == null) {
        throw new ReportException(file + ": empty JSON document");
      }
      return report;
    } catch (IOException e) {
      throw new ReportException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static String markdown(ExperimentReport report) {
    StringBuilder md = new StringBuilder("# Experiment report\n\n");
    md.append("Generated ").append(report.generatedAt()).append(" from ").append(report.runs())
        .append(report.runs() == 1 ? " run" : " runs").append(". Values × 100, mean over seeds; the best value per column (as printed) is in **bold**.\n");
    report.datasets().forEach((dataset, data) -> {
      md.append("\n## ").append(dataset).append('\n');
      List<Double> fractions = data.table().rows().stream().map(ExperimentReport.Row::labelFraction).distinct().toList();
      for (double fraction : fractions) {
        md.append("\n### ").append(ReportBuilder.percent(fraction)).append(" labels").append('\n').append('\n');
        md.append("| Model | Seeds | ").append(String.join(" | ", data.table().columns())).append(" |\n");
        md.append("|---|---:|").append("---:|".repeat(data.table().columns().size())).append('\n');
        for (ExperimentReport.Row row : data.table().rows()) {
          if (row.labelFraction() != fraction) {
            continue;
          }
          md.append("| ").append(row.label()).append(" | ").append(row.seeds()).append(" |");
          for (String column : data.table().columns()) {
            Double value = row.values().get(column);
            String cell = value == null ? "–" : ReportBuilder.printed(value);
            md.append(' ').append(row.best().contains(column) ? "**" + cell + "**" : cell).append(" |");
          }
          md.append('\n');
        }
      }
    });
    if (!report.duplicates().isEmpty()) {
      md.append("\n## Runs evaluated more than once\n\nEach counts once, with its newest evaluation.\n\n");
      for (ExperimentReport.Duplicate d : report.duplicates()) {
        md.append("- `").append(d.runId()).append("`: counted ").append(d.kept()).append("; ignored ")
            .append(String.join(", ", d.ignored())).append('\n');
      }
    }
    if (!report.warnings().isEmpty()) {
      md.append("\n## Warnings\n\n");
      report.warnings().forEach(w -> md.append("- ").append(w).append('\n'));
    }
    return md.toString();
  }

  private static void writeCsv(ExperimentReport report, Path file) throws IOException {
    List<String> header = new ArrayList<>(List.of("dataset", "variant", "labelFraction", "seeds"));
    for (String column : RunResult.COLUMNS) {
      header.addAll(List.of(column + " mean", column + " low", column + " high"));
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(out, format)) {
      for (Map.Entry<String, ExperimentReport.DatasetReport> dataset : report.datasets().entrySet()) {
        for (ExperimentReport.Row row : dataset.getValue().table().rows()) {
          List<Object> record = new ArrayList<>(List.of(dataset.getKey(), row.name(), row.labelFraction(), row.seeds()));
          for (String column : RunResult.COLUMNS) {
            Double mean = row.values().get(column);
            QueryBootstrap.Interval interval = row.intervals().get(column);
            record.add(mean == null ? "" : mean);
            record.add(interval == null ? "" : interval.lower());
            record.add(interval == null ? "" : interval.upper());
          }
          csv.printRecord(record);
        }
      }
    }
  }

}
