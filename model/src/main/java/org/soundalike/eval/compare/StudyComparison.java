package org.soundalike.eval.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.eval.EvaluationSet;
import org.soundalike.train.Variant;

/**
 * The study's differences: every run folder under a directory that holds {@code results.json}
 * (for its variant, α, label fraction and seed) and {@code tracks.jsonl} (its test-split
 * embeddings and tag scores, the {@code metrics} input) is one seed of one model at one fraction.
 * At each fraction every model is compared with A (supervised only), and every model trained with
 * the contrastive loss (an α) also with C (pre-training only) and CLMR (frozen): B − baseline on
 * each metric with {@link PairedBootstrap} over the seeds both have and the queries, and Holm's
 * correction over the ten metrics of each comparison.
 */
public final class StudyComparison {

  /** One comparison B − baseline at one label fraction. */
  public record Comparison(double labelFraction, String model, String baseline, List<Long> seeds, int queries,
      Map<String, Metric> metrics) {}

  /** One metric's difference, its intervals, p-value, Holm-adjusted p-value and the verdict at α. */
  public record Metric(double difference, double lower, double upper, double relative, double relativeLower,
      double relativeUpper, double p, double pHolm, boolean significant) {}

  /** A run found under the directory: its model label, fraction, seed and folder. */
  record FoundRun(String model, boolean contrastive, double labelFraction, long seed, Path folder) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PairedBootstrap bootstrap;
  private final double alpha;

  /** @param alpha family-wise error rate for Holm's correction (0.05) */
  public StudyComparison(PairedBootstrap bootstrap, double alpha) {
    this.bootstrap = bootstrap;
    this.alpha = alpha;
  }

  public List<Comparison> compare(Path resultsDir) throws IOException {
    List<FoundRun> runs = find(resultsDir);
    Map<Double, Map<String, Map<Long, FoundRun>>> byFraction = new TreeMap<>(Comparator.reverseOrder());
    Map<String, Boolean> contrastive = new LinkedHashMap<>();
    for (FoundRun run : runs) {
      byFraction.computeIfAbsent(run.labelFraction(), f -> new TreeMap<>())
          .computeIfAbsent(run.model(), m -> new TreeMap<>()).put(run.seed(), run);
      contrastive.put(run.model(), run.contrastive());
    }
    Map<Path, RunStatistics> cache = new LinkedHashMap<>();
    List<Comparison> comparisons = new ArrayList<>();
    for (var fraction : byFraction.entrySet()) {
      Map<String, Map<Long, FoundRun>> models = fraction.getValue();
      for (String model : models.keySet()) {
        List<String> baselines = new ArrayList<>();
        if (!model.equals("A")) {
          baselines.add("A");
        }
        if (contrastive.get(model)) {
          baselines.add("C");
          baselines.add("CLMR");
        }
        for (String baseline : baselines) {
          if (models.containsKey(baseline)) {
            compareOne(fraction.getKey(), model, baseline, models.get(model), models.get(baseline), cache)
                .ifPresent(comparisons::add);
          }
        }
      }
    }
    return comparisons;
  }

  private java.util.Optional<Comparison> compareOne(double fraction, String model, String baseline,
      Map<Long, FoundRun> b, Map<Long, FoundRun> a, Map<Path, RunStatistics> cache) throws IOException {
    TreeSet<Long> seeds = new TreeSet<>(b.keySet());
    seeds.retainAll(a.keySet());
    if (seeds.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<Map<String, ToDoubleFunction<int[]>>> bStats = new ArrayList<>();
    List<Map<String, ToDoubleFunction<int[]>>> aStats = new ArrayList<>();
    int queries = -1;
    List<String> ids = null;
    for (long seed : seeds) {
      RunStatistics sb = statistics(b.get(seed).folder(), cache);
      RunStatistics sa = statistics(a.get(seed).folder(), cache);
      for (RunStatistics s : List.of(sb, sa)) {
        if (ids == null) {
          ids = s.ids();
          queries = s.queries();
        } else if (!ids.equals(s.ids())) {
          throw new IOException("runs of " + model + " and " + baseline + " at " + fraction
              + " were evaluated on different tracks (not paired): " + b.get(seed).folder() + ", " + a.get(seed).folder());
        }
      }
      bStats.add(sb.metrics());
      aStats.add(sa.metrics());
    }
    Map<String, PairedBootstrap.Estimate> estimates = bootstrap.compare(queries, bStats, aStats);
    double[] p = estimates.values().stream().mapToDouble(PairedBootstrap.Estimate::p).toArray();
    double[] adjusted = Holm.adjust(p);
    Map<String, Metric> metrics = new LinkedHashMap<>();
    int j = 0;
    for (var e : estimates.entrySet()) {
      PairedBootstrap.Estimate x = e.getValue();
      double holm = adjusted[j++];
      metrics.put(e.getKey(), new Metric(x.difference(), x.lower(), x.upper(), x.relative(), x.relativeLower(),
          x.relativeUpper(), x.p(), holm, holm < alpha));
    }
    return java.util.Optional.of(new Comparison(fraction, model, baseline, List.copyOf(seeds), queries, metrics));
  }

  private static RunStatistics statistics(Path folder, Map<Path, RunStatistics> cache) throws IOException {
    RunStatistics cached = cache.get(folder);
    if (cached == null) {
      cached = RunStatistics.of(EvaluationSet.of(EmbeddedTrackJsonl.read(folder.resolve("tracks.jsonl"))));
      cache.put(folder, cached);
    }
    return cached;
  }

  /**
   * Run folders with both files. The model label is the variant's name (as {@code report} groups
   * runs), followed by its α when {@code --alpha} overrode the preset's ({@code G α=0.1}), so that
   * such runs are not taken for more seeds of the preset.
   */
  static List<FoundRun> find(Path dir) throws IOException {
    List<FoundRun> runs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path results : files.filter(p -> p.getFileName().toString().equals("results.json")).sorted().toList()) {
        Path folder = results.getParent();
        if (!Files.isRegularFile(folder.resolve("tracks.jsonl"))) {
          continue;
        }
        JsonNode run = JSON.readTree(results.toFile()).path("run");
        String variant = run.path("variant").asText(null);
        if (variant == null || !run.path("labelFraction").isNumber() || !run.path("seed").isNumber()) {
          throw new IOException(results + ": run.variant, run.labelFraction or run.seed is missing");
        }
        String techniques = run.path("techniques").asText("");
        boolean contrastive = techniques.contains("c");
        String model = variant;
        if (contrastive && run.path("alpha").isNumber() && Variant.names().contains(variant)
            && Variant.named(variant).alpha() != null && Variant.named(variant).alpha() != run.path("alpha").asDouble()) {
          model = variant + " α=" + alphaText(run.path("alpha").asDouble());
        }
        runs.add(new FoundRun(model, contrastive, run.path("labelFraction").asDouble(), run.path("seed").asLong(), folder));
      }
    }
    return runs;
  }

  private static String alphaText(double alpha) {
    return java.math.BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString();
  }
}
