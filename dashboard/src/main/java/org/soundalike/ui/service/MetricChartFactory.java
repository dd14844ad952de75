package org.soundalike.ui.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.soundalike.ui.chart.Palette;
import org.soundalike.eval.report.ExperimentReport;

/**
 * The Chart.js configuration of one metric against the label fraction: a logarithmic x axis from
 * 1 % to 100 %, per variant a line of means and a filled band between the interval's low and high.
 * The baseline and the variant it is compared with are drawn thicker, so the gap reads at a glance.
 */
public final class MetricChartFactory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetricChartFactory() {}

  public static ObjectNode lineChart(String dataset, String metric,
      Map<String, List<ExperimentReport.SeriesPoint>> seriesByVariant, Optional<Gap> gap) {
    ObjectNode config = JSON.createObjectNode();
    config.put("type", "line");
    ArrayNode datasets = config.putObject("data").putArray("datasets");
    TreeSet<Double> fractions = new TreeSet<>(List.of(0.01, 1.0));
    int index = 0;
    for (Map.Entry<String, List<ExperimentReport.SeriesPoint>> series : seriesByVariant.entrySet()) {
      String variant = series.getKey();
      String colour = Palette.colour(index++);
      boolean emphasised = gap.map(g -> g.variant().equals(variant) || g.baseline().equals(variant))
          .orElse(false);
      List<ExperimentReport.SeriesPoint> points = series.getValue();
      points.forEach(p -> fractions.add(p.fraction()));
      ObjectNode high = band(datasets, variant + " interval high", colour, points, true);
      high.put("fill", "+1");
      band(datasets, variant + " interval low", colour, points, false).put("fill", false);
      ObjectNode mean = datasets.addObject();
      mean.put("label", variant);
      mean.put("borderColor", colour);
      mean.put("backgroundColor", colour);
      mean.put("borderWidth", emphasised ? 3.5 : 1.5);
      mean.put("pointRadius", emphasised ? 4 : 3);
      mean.put("fill", false);
      ArrayNode data = mean.putArray("data");
      points.forEach(p -> data.addObject().put("x", p.fraction()).put("y", p.mean()));
    }
    ObjectNode options = config.putObject("options");
    ObjectNode scales = options.putObject("scales");
    ObjectNode x = scales.putObject("x");
    x.put("type", "logarithmic");
    x.put("min", 0.01);
    x.put("max", 1.0);
    x.putObject("title").put("display", true).put("text", "labelled training tracks (log scale)");
    ObjectNode y = scales.putObject("y");
    y.putObject("title").put("display", true).put("text", MetricNames.axisLabel(metric));
    ObjectNode plugins = options.putObject("plugins");
    plugins.putObject("title").put("display", true)
        .put("text", MetricNames.longName(metric) + " against the label fraction (" + dataset + ")");
    gap.ifPresent(g -> plugins.putObject("subtitle").put("display", true).put("text", describe(g)));
    plugins.putObject("legend").put("position", "bottom");
    ObjectNode extra = config.putObject("soundalike");
    extra.put("percentAxis", "x");
    ArrayNode ticks = extra.putArray("ticks");
    fractions.forEach(ticks::add);
    return config;
  }

  /**
   * "G − A: +9.1 at 1 %, +2.0 at 100 %"; with comparison.json, each difference with its paired
   * interval and a * where it is significant: "G − A: +9.1 [+2.0, +15.3]* at 1 %, ... (* significant
   * after Holm's correction)".
   */
  public static String describe(Gap gap) {
    List<String> parts = new ArrayList<>();
    boolean anyPaired = false;
    for (Gap.At at : gap.at()) {
      String interval = at.paired().map(p -> String.format(Locale.ROOT, " [%+.1f, %+.1f]%s", p.lower(), p.upper(),
          p.significant() ? "*" : "")).orElse("");
      anyPaired |= at.paired().isPresent();
      parts.add(String.format(Locale.ROOT, "%+.1f%s at %s", at.difference(), interval, Formats.percent(at.fraction())));
    }
    return gap.variant() + " − " + gap.baseline() + ": " + String.join(", ", parts)
        + (anyPaired ? " (95 % intervals over seeds and queries; * significant after Holm's correction)" : "");
  }

  private static ObjectNode band(ArrayNode datasets, String label, String colour,
      List<ExperimentReport.SeriesPoint> points, boolean high) {
    ObjectNode band = datasets.addObject();
    band.put("label", label);
    band.put("band", true);
    band.put("borderWidth", 0);
    band.put("pointRadius", 0);
    band.put("pointHitRadius", 0);
    band.put("borderColor", Palette.translucent(colour, 0.0));
    band.put("backgroundColor", Palette.translucent(colour, 0.15));
    ArrayNode data = band.putArray("data");
    points.forEach(p -> data.addObject().put("x", p.fraction()).put("y", high ? p.high() : p.low()));
    return band;
  }
}
