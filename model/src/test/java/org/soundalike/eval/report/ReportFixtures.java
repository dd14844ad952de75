package org.soundalike.eval.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.eval.QueryBootstrap;
import org.soundalike.run.RunProvenance;

/** Generated runs and tracks for the report tests. */
final class ReportFixtures {

  private ReportFixtures() {}

  /**
   * {@code clusters} groups of tracks around random unit centres (noise {@code spread}); the tracks
   * of cluster c carry tag "tag{c}", every 5th track also "common"; scores favour the own tag.
   */
  static List<EmbeddedTrack> clustered(int clusters, int perCluster, int dim, double spread, long seed) {
    Random random = new Random(seed);
    List<EmbeddedTrack> tracks = new ArrayList<>();
    for (int c = 0; c < clusters; c++) {
      double[] centre = gaussian(random, dim, 1);
      for (int j = 0; j < perCluster; j++) {
        double[] v = gaussian(random, dim, spread);
        for (int k = 0; k < dim; k++) {
          v[k] += centre[k];
        }
        int index = tracks.size();
        List<String> tags = new ArrayList<>(List.of("tag" + c));
        if (index % 5 == 0) {
          tags.add("common");
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int t = 0; t < clusters; t++) {
          scores.put("tag" + t, (t == c ? 0.5 : 0) + 0.5 * random.nextDouble());
        }
        scores.put("common", random.nextDouble());
        tracks.add(new EmbeddedTrack("c" + c + "-" + j, tags, unit(v), scores));
      }
    }
    return tracks;
  }

  static RunProvenance run(String runId, String dataset, String variant, double fraction, long seed) {
    return new RunProvenance(runId, dataset, "fp-" + dataset, "compact", variant, "c+p", 1.0, 20.1, fraction, seed,
        "0.1.0-test", 23, "2026-11-26T10:00:00Z");
  }

  /** A result whose ten metrics are {@code base + column index} (so columns differ), evaluated at {@code evaluatedAt}. */
  static RunResult result(RunProvenance run, double base, String evaluatedAt) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    Map<String, QueryBootstrap.Interval> intervals = new LinkedHashMap<>();
    for (int i = 0; i < RunResult.COLUMNS.size(); i++) {
      metrics.put(RunResult.COLUMNS.get(i), base + i);
      intervals.put(RunResult.COLUMNS.get(i), new QueryBootstrap.Interval(base + i - 1, base + i + 1));
    }
    return new RunResult(run, evaluatedAt, 60, 58, metrics, intervals,
        Map.of("piano", new RunResult.TagScores(91.0, 80.2, 12)), List.of("drums"),
        List.of(new RunResult.TsnePoint("t1", 1.5, -3.2, List.of("piano"))));
  }

  /** A result with explicit values per column, in {@link RunResult#COLUMNS} order. */
  static RunResult result(RunProvenance run, double... values) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int i = 0; i < RunResult.COLUMNS.size(); i++) {
      metrics.put(RunResult.COLUMNS.get(i), values[i]);
    }
    return new RunResult(run, "2026-11-26T11:00:00Z", 60, 58, metrics, Map.of(), Map.of(), List.of(), List.of());
  }

  private static double[] gaussian(Random random, int dim, double scale) {
    double[] v = new double[dim];
    for (int k = 0; k < dim; k++) {
      v[k] = scale * random.nextGaussian();
    }
    return v;
  }

  private static float[] unit(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    float[] out = new float[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = (float) (v[k] / Math.sqrt(norm));
    }
    return out;
  }
}
