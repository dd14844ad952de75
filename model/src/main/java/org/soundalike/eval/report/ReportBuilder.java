package org.soundalike.eval.report;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.soundalike.eval.QueryBootstrap;
import org.soundalike.run.RunProvenance;

/**
 * Aggregates collected runs into an {@link ExperimentReport}: runs group by dataset, then by
 * variant and label fraction; the seeds of a group give each metric's mean and interval
 * ({@link SeedSummary}). Rows list the supervised-only variant A first (the paper's
 * "inception-style supervised" baseline row), then the CLMR baseline, then the other variants by
 * name; fractions from 100 % down. The best value per column among the rows of one fraction is
 * decided on the printed value (one decimal, as in the paper's tables), so rows that print the
 * same number are all best.
 *
 * <p>The runs of one group are expected to differ only in their seed. When they also differ in
 * configuration, techniques, α or catalog, or when one seed appears in several runs, the group
 * is still aggregated (the report must show every run) but a warning says so.
 */
public final class ReportBuilder {

  private ReportBuilder() {}

  /** @param root the folder the runs were collected from; duplicates are reported relative to it */
  public static ExperimentReport build(CollectedRuns collected, Path root, Instant generatedAt) {
    Map<String, Map<GroupKey, List<RunResult>>> byDataset = new TreeMap<>();
    for (CollectedRuns.Run run : collected.runs()) {
      RunProvenance p = run.result().run();
      byDataset.computeIfAbsent(p.dataset(), d -> new TreeMap<>(GroupKey.ORDER))
          .computeIfAbsent(new GroupKey(p.variant(), p.labelFraction()), k -> new ArrayList<>())
          .add(run.result());
    }
    Map<String, ExperimentReport.DatasetReport> datasets = new LinkedHashMap<>();
    byDataset.forEach((dataset, groups) -> datasets.put(dataset, dataset(groups)));
    List<ExperimentReport.Duplicate> duplicates = collected.duplicates().stream()
        .map(d -> new ExperimentReport.Duplicate(d.runId(), relative(root, d.kept()),
            d.ignored().stream().map(p -> relative(root, p)).toList()))
        .toList();
    List<String> warnings = new ArrayList<>();
    byDataset.forEach((dataset, groups) -> groups.forEach((key, runs) -> warnings.addAll(warnings(dataset, key, runs))));
    return new ExperimentReport(generatedAt.toString(), collected.runs().size(), datasets, duplicates, warnings);
  }

  /** The value as the tables print it: one decimal. */
  public static String printed(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A label fraction as the report prints it: 0.01 → "1 %". */
  public static String percent(double fraction) {
    // Through BigDecimal: 100 · 0.07 is 7.000000000000001 in binary.
    return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + " %";
  }

  /** "A (supervised only, inception-style)", "CLMR (frozen)", or the variant's name. */
  public static String label(String variant) {
    return switch (variant) {
      case RunProvenance.SUPERVISED_ONLY -> "A (supervised only, inception-style)";
      case RunProvenance.CLMR -> "CLMR (pre-trained, frozen)";
      default -> variant;
    };
  }

  private static ExperimentReport.DatasetReport dataset(Map<GroupKey, List<RunResult>> groups) {
    Map<GroupKey, Map<String, SeedSummary>> summaries = new LinkedHashMap<>();
    groups.forEach((key, runs) -> summaries.put(key, summarise(runs)));
    List<ExperimentReport.Row> rows = new ArrayList<>();
    Map<Double, List<GroupKey>> byFraction = new TreeMap<>(Comparator.reverseOrder());
    summaries.keySet().forEach(key -> byFraction.computeIfAbsent(key.fraction(), f -> new ArrayList<>()).add(key));
    byFraction.forEach((fraction, keys) -> {
      Map<String, String> bestPrinted = bestPrinted(keys, summaries);
      for (GroupKey key : keys) {
        Map<String, SeedSummary> row = summaries.get(key);
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, QueryBootstrap.Interval> intervals = new LinkedHashMap<>();
        List<String> best = new ArrayList<>();
        for (String column : RunResult.COLUMNS) {
          SeedSummary s = row.get(column);
          values.put(column, s == null ? null : s.mean());
          if (s != null) {
            intervals.put(column, new QueryBootstrap.Interval(s.low(), s.high()));
            if (printed(s.mean()).equals(bestPrinted.get(column))) {
              best.add(column);
            }
          }
        }
        rows.add(new ExperimentReport.Row(key.variant(), label(key.variant()), fraction, groups.get(key).size(),
            values, best, intervals));
      }
    });
    return new ExperimentReport.DatasetReport(new ExperimentReport.Table(RunResult.COLUMNS, rows), series(summaries));
  }

  private static List<String> warnings(String dataset, GroupKey key, List<RunResult> runs) {
    String group = dataset + " " + key.variant() + " at " + percent(key.fraction()) + " labels";
    List<String> warnings = new ArrayList<>();
    Map<String, Function<RunProvenance, Object>> fields = new LinkedHashMap<>();
    fields.put("config", RunProvenance::config);
    fields.put("techniques", RunProvenance::techniques);
    fields.put("alpha", RunProvenance::alpha);
    fields.put("catalogFingerprint", RunProvenance::catalogFingerprint);
    fields.forEach((name, field) -> {
      Set<String> values = new TreeSet<>();
      runs.forEach(r -> values.add(String.valueOf(field.apply(r.run()))));
      if (values.size() > 1) {
        warnings.add(group + ": runs differ in " + name + " " + values + " but are aggregated together");
      }
    });
    Map<Long, List<String>> bySeed = new TreeMap<>();
    runs.forEach(r -> bySeed.computeIfAbsent(r.run().seed(), s -> new ArrayList<>()).add(r.run().runId()));
    bySeed.forEach((seed, ids) -> {
      if (ids.size() > 1) {
        warnings.add(group + ": seed " + seed + " appears in " + ids.size() + " runs " + ids + ", each counted as a seed");
      }
    });
    return warnings;
  }

  private static Map<String, SeedSummary> summarise(List<RunResult> runs) {
    Map<String, SeedSummary> summary = new LinkedHashMap<>();
    for (String column : RunResult.COLUMNS) {
      double[] values = runs.stream().map(r -> r.metric(column)).filter(v -> v != null).mapToDouble(Double::doubleValue).toArray();
      if (values.length > 0) {
        summary.put(column, SeedSummary.of(values));
      }
    }
    return summary;
  }

  private static Map<String, String> bestPrinted(List<GroupKey> keys, Map<GroupKey, Map<String, SeedSummary>> summaries) {
    Map<String, String> best = new LinkedHashMap<>();
    for (String column : RunResult.COLUMNS) {
      keys.stream()
          .map(k -> summaries.get(k).get(column))
          .filter(s -> s != null)
          .map(s -> printed(s.mean()))
          .max(Comparator.comparingDouble(Double::parseDouble))
          .ifPresent(value -> best.put(column, value));
    }
    return best;
  }

  private static Map<String, Map<String, List<ExperimentReport.SeriesPoint>>> series(
      Map<GroupKey, Map<String, SeedSummary>> summaries) {
    Map<String, Map<String, List<ExperimentReport.SeriesPoint>>> series = new LinkedHashMap<>();
    for (String column : RunResult.COLUMNS) {
      Map<String, List<ExperimentReport.SeriesPoint>> perVariant = new LinkedHashMap<>();
      // summaries iterate in GroupKey.ORDER: variants in row order, fractions ascending within each.
      summaries.forEach((key, summary) -> {
        SeedSummary s = summary.get(column);
        if (s != null) {
          perVariant.computeIfAbsent(key.variant(), v -> new ArrayList<>())
              .add(new ExperimentReport.SeriesPoint(key.fraction(), s.mean(), s.low(), s.high(), s.seeds()));
        }
      });
      series.put(column, perVariant);
    }
    return series;
  }

  private static String relative(Path root, Path file) {
    Path absoluteRoot = root.toAbsolutePath().normalize();
    Path absoluteFile = file.toAbsolutePath().normalize();
    return absoluteFile.startsWith(absoluteRoot) ? absoluteRoot.relativize(absoluteFile).toString() : file.toString();
  }

  /** A variant at a label fraction; ordered as the table's rows, fractions ascending. */
  record GroupKey(String variant, double fraction) {

    static final Comparator<GroupKey> ORDER = Comparator
        .comparingInt((GroupKey k) -> rank(k.variant()))
        .thenComparing(GroupKey::variant)
        .thenComparingDouble(GroupKey::fraction);

    private static int rank(String variant) {
      return switch (variant) {
        case RunProvenance.SUPERVISED_ONLY -> 0;
        case RunProvenance.CLMR -> 1;
        default -> 2;
      };
    }
  }
}
