package org.soundalike.eval.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soundalike.eval.QueryBootstrap;

/**
 * The experiments in the paper's shapes, per dataset: the table (rows = baselines and variants at
 * each label fraction, columns = the ten metrics as means over seeds, best per column and
 * fraction marked) and the semi-supervised series (each metric against the label fraction, one
 * series per variant). Serialised as report.json (docs/formats.md); {@code duplicates},
 * {@code warnings} and each row's {@code label} and {@code intervals} are additions to the
 * documented fields. The dashboard reads it back with {@link ReportFiles#read}.
 *
 * @param runs the number of runs counted (each runId once)
 * @param warnings groups whose runs may not belong together (see {@link ReportBuilder})
 */
@JsonPropertyOrder({"generatedAt", "runs", "datasets", "duplicates", "warnings"})
public record ExperimentReport(String generatedAt, int runs, Map<String, DatasetReport> datasets, List<Duplicate> duplicates,
    List<String> warnings) {

  public ExperimentReport {
    datasets = Collections.unmodifiableMap(new LinkedHashMap<>(orEmpty(datasets)));
    duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** One dataset: its table and its series ({@code series[metric][variant]}, points by ascending fraction). */
  @JsonPropertyOrder({"table", "series"})
  public record DatasetReport(Table table, Map<String, Map<String, List<SeriesPoint>>> series) {

    public DatasetReport {
      table = table == null ? new Table(List.of(), List.of()) : table;
      series = orEmpty(series);
    }
  }

  @JsonPropertyOrder({"columns", "rows"})
  public record Table(List<String> columns, List<Row> rows) {

    public Table {
      columns = columns == null ? List.of() : List.copyOf(columns);
      rows = rows == null ? List.of() : List.copyOf(rows);
    }
  }

  /**
   * A variant (or baseline) at one label fraction: means over its seeds ({@code values}, null when
   * no seed defines the metric), the columns where it is best among the rows of that fraction, and
   * the interval over seeds of each value (as in {@link SeedSummary}).
   *
   * @param label the name as the table prints it, e.g. "A (supervised only, inception-style)"
   */
  @JsonPropertyOrder({"name", "label", "labelFraction", "seeds", "values", "best", "intervals"})
  public record Row(String name, String label, double labelFraction, int seeds, Map<String, Double> values,
      List<String> best, Map<String, QueryBootstrap.Interval> intervals) {

    public Row {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(orEmpty(values)));
      best = best == null ? List.of() : List.copyOf(best);
      intervals = Collections.unmodifiableMap(new LinkedHashMap<>(orEmpty(intervals)));
    }
  }

  @JsonPropertyOrder({"fraction", "mean", "low", "high", "seeds"})
  public record SeriesPoint(double fraction, double mean, double low, double high, int seeds) {}

  /** A run evaluated more than once: the file that counted and the ones that did not (relative paths). */
  @JsonPropertyOrder({"runId", "kept", "ignored"})
  public record Duplicate(String runId, String kept, List<String> ignored) {

    public Duplicate {
      ignored = ignored == null ? List.of() : List.copyOf(ignored);
    }
  }

  /** A report.json read back may lack the fields that are additions to the documented ones. */
  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }
}
