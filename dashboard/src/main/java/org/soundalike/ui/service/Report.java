package org.soundalike.ui.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * report.json as {@code soundalike report} writes it (docs/formats.md): per dataset, the
 * paper-shaped table and, per metric, one series per variant over the label fractions.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Report(String generatedAt, int runs, Map<String, Dataset> datasets) {

  public Report {
    datasets = datasets == null ? Map.of() : Map.copyOf(datasets);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Dataset(Table table, Map<String, Map<String, List<SeriesPoint>>> series) {
    public Dataset {
      table = table == null ? new Table(List.of(), List.of()) : table;
      series = series == null ? Map.of() : series;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Table(List<String> columns, List<Row> rows) {
    public Table {
      columns = columns == null ? List.of() : List.copyOf(columns);
      rows = rows == null ? List.of() : List.copyOf(rows);
    }
  }

  /**
   * One table row: a variant or baseline at one label fraction; {@code label} is its printed name
   * (may be absent), {@code best} the columns it leads among the rows of the same fraction.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Row(String name, String label, double labelFraction, int seeds, Map<String, Double> values,
      List<String> best) {
    public Row {
      values = values == null ? Map.of() : values;
      best = best == null ? List.of() : List.copyOf(best);
    }
  }

  /** A metric's mean over seeds at one label fraction, with its 95 % interval (min/max under 3 seeds). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SeriesPoint(double fraction, double mean, double low, double high, int seeds) {}
}
