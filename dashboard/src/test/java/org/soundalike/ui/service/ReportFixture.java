package org.soundalike.ui.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A small report.json as {@code soundalike report} writes it: dataset "demo" with variants A, C
 * and G at five label fractions for all ten metrics, and a table whose best values are G's.
 */
public final class ReportFixture {

  public static final List<String> COLUMNS =
      List.of("R@1", "R@2", "R@4", "R@8", "M@1", "M@4", "M@7", "M@10", "ROC-AUC", "PR-AUC");
  public static final List<String> VARIANTS = List.of("A", "C", "G");
  public static final List<Double> FRACTIONS = List.of(0.01, 0.05, 0.1, 0.5, 1.0);

  private ReportFixture() {}

  /** The mean of a variant at a fraction: G above C above A, the gap widening as labels get scarce. */
  public static double mean(String variant, int column, double fraction) {
    double base = 40 + 3 * column + 12 * Math.pow(fraction, 0.25);
    return switch (variant) {
      case "A" -> base - 8 * (1 - fraction);
      case "C" -> base - 4 * (1 - fraction);
      default -> base + 1;
    };
  }

  /** Table row G at 100 % labels: column i holds 60.2 + i, the best of every column. */
  public static double tableValue(String row, int column) {
    return switch (row) {
      case "G" -> 60.2 + column;
      case "C" -> 57.5 + column;
      default -> 55.0 + column;
    };
  }

  public static void write(Path dir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode report = json.createObjectNode();
    report.put("generatedAt", "2026-11-26T10:00:00Z");
    report.put("runs", VARIANTS.size() * FRACTIONS.size() * 3);
    ObjectNode demo = report.putObject("datasets").putObject("demo");
    ObjectNode table = demo.putObject("table");
    ArrayNode columns = table.putArray("columns");
    COLUMNS.forEach(columns::add);
    ArrayNode rows = table.putArray("rows");
    for (String variant : VARIANTS) {
      ObjectNode row = rows.addObject().put("name", variant).put("labelFraction", 1.0).put("seeds", 3);
      ObjectNode values = row.putObject("values");
      for (int c = 0; c < COLUMNS.size(); c++) {
        values.put(COLUMNS.get(c), tableValue(variant, c));
      }
      ArrayNode best = row.putArray("best");
      if (variant.equals("G")) {
        COLUMNS.forEach(best::add);
      }
    }
    ObjectNode series = demo.putObject("series");
    for (int c = 0; c < COLUMNS.size(); c++) {
      ObjectNode metric = series.putObject(COLUMNS.get(c));
      for (String variant : VARIANTS) {
        ArrayNode points = metric.putArray(variant);
        for (double fraction : FRACTIONS) {
          double mean = mean(variant, c, fraction);
          points.addObject().put("fraction", fraction).put("mean", mean).put("low", mean - 1.5)
              .put("high", mean + 1.5).put("seeds", 3);
        }
      }
    }
    json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(ReportFile.NAME).toFile(), report);
  }
}
