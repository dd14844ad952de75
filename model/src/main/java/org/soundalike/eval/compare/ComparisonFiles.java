package org.soundalike.eval.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the study's differences: {@code comparison.json} (everything), {@code comparison.csv}
 * (one row per comparison and metric) and {@code comparison.md} (one table per comparison: each
 * cell the difference in points with its interval, {@code *} where Holm's correction keeps it
 * significant).
 */
public final class ComparisonFiles {

  private ComparisonFiles() {}

  /** The comparisons of a {@code comparison.json}; empty when the file does not exist. */
  public static List<StudyComparison.Comparison> read(Path dir) throws IOException {
    Path file = dir.resolve("comparison.json");
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    com.fasterxml.jackson.databind.JsonNode root = new ObjectMapper().readTree(file.toFile());
    return new ObjectMapper().readerForListOf(StudyComparison.Comparison.class).readValue(root.path("comparisons"));
  }

  public static void write(Path dir, List<StudyComparison.Comparison> comparisons, double level, double alpha)
      throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> json = Map.of("level", level, "familyWiseAlpha", alpha, "comparisons", comparisons);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("comparison.json").toFile(), json);
    Files.writeString(dir.resolve("comparison.csv"), csv(comparisons), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("comparison.md"), markdown(comparisons, level, alpha), StandardCharsets.UTF_8);
  }

  static String csv(List<StudyComparison.Comparison> comparisons) {
    StringBuilder out = new StringBuilder(
        "labelFraction,model,baseline,seeds,queries,metric,difference,lower,upper,relative,relativeLower,relativeUpper,p,pHolm,significant\n");
    for (StudyComparison.Comparison c : comparisons) {
      c.metrics().forEach((name, m) -> out.append(String.format(Locale.ROOT,
          "%s,%s,%s,%d,%d,%s,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.5f,%.5f,%s%n", c.labelFraction(), c.model(), c.baseline(),
          c.seeds().size(), c.queries(), name, m.difference(), m.lower(), m.upper(), m.relative(), m.relativeLower(),
          m.relativeUpper(), m.p(), m.pHolm(), m.significant())));
    }
    return out.toString();
  }

  public static String markdown(List<StudyComparison.Comparison> comparisons, double level, double alpha) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Differences B − baseline in points (× 100), with %.0f %% paired bootstrap"
        + " intervals over seeds and queries; * = significant after Holm's correction over the ten metrics of"
        + " the row (family-wise α = %s).%n%n", 100 * level, alpha));
    if (comparisons.isEmpty()) {
      return out.append("No comparison yet: no fraction has runs of a model and its baseline with a common seed.\n").toString();
    }
    List<String> metrics = List.copyOf(comparisons.get(0).metrics().keySet());
    out.append("| labels | comparison | seeds | queries |");
    metrics.forEach(m -> out.append(' ').append(m).append(" |"));
    out.append("\n|---|---|---:|---:|");
    metrics.forEach(m -> out.append("---:|"));
    out.append('\n');
    for (StudyComparison.Comparison c : comparisons) {
      out.append(String.format(Locale.ROOT, "| %s %% | %s − %s | %d | %d |",
          java.math.BigDecimal.valueOf(100 * c.labelFraction()).stripTrailingZeros().toPlainString(), c.model(),
          c.baseline(), c.seeds().size(), c.queries()));
      for (String name : metrics) {
        StudyComparison.Metric m = c.metrics().get(name);
        out.append(String.format(Locale.ROOT, " %+.1f [%+.1f, %+.1f]%s |", m.difference(), m.lower(), m.upper(),
            m.significant() ? "*" : ""));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
