package org.soundalike.search.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.soundalike.audio.AudioSpec;
import org.soundalike.dataset.TrackSegment;
import org.soundalike.encode.ExcerptEmbeddings;
import org.soundalike.encode.SegmentWindows;

/**
 * Chooses the segment window and hop (and how a track's score combines its segments) by exact
 * search, without Elasticsearch: clips cut at random sample offsets (off the excerpt grid, as an
 * upload is) are matched against every track, and each choice is scored by whether the clip's
 * own track comes first (hit@1, hit@10, MRR) and by how far {@code at} is from the true offset.
 *
 * <p>Rankings compared, for each window choice: {@code track} (the clip's mean against each
 * track's mean: today's search), {@code max} (a track's best segment against any of the clip's
 * segments) and {@code mean-best} (for each clip segment the track's best segment, averaged over
 * the clip's segments: what {@link org.soundalike.search.SegmentSearch} computes).
 */
public final class SegmentChoiceBenchmark {

  /** A catalog track's excerpt embeddings and a clip cut from it. */
  public record Sample(String id, ExcerptEmbeddings track, ExcerptEmbeddings clip, double clipOffsetSeconds) {}

  /** A random clip start in samples, anywhere a {@code clipSamples} clip fits in the track. */
  public static long clipStart(SplittableRandom random, int trackSamples, int clipSamples) {
    return trackSamples <= clipSamples ? 0 : random.nextLong(trackSamples - clipSamples + 1);
  }

  /** The figures of every window choice × ranking, in a stable order for the JSON report. */
  public static Map<String, Object> run(List<Sample> samples, List<SegmentWindows> choices) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("track", figures(samples, null, Ranking.TRACK));
    for (SegmentWindows windows : choices) {
      Map<String, Object> perRanking = new LinkedHashMap<>();
      perRanking.put("windowSeconds", round(windows.windowSeconds()));
      perRanking.put("hopSeconds", round(windows.hopSeconds()));
      perRanking.put("segmentsPerMinute", round(60 / windows.hopSeconds()));
      for (Ranking ranking : List.of(Ranking.MAX, Ranking.MEAN_BEST)) {
        perRanking.put(ranking.label, figures(samples, windows, ranking));
      }
      out.put(windows.excerpts() + "x" + windows.hop(), perRanking);
    }
    return out;
  }

  private enum Ranking {
    TRACK("track"), MAX("max"), MEAN_BEST("mean-best");

    final String label;

    Ranking(String label) {
      this.label = label;
    }
  }

  /** A track's score for one clip and where the clip is estimated to start in it. */
  private record Match(double score, double at) {}

  private static Map<String, Object> figures(List<Sample> samples, SegmentWindows windows, Ranking ranking) {
    List<List<TrackSegment>> indexed = new ArrayList<>();
    for (Sample s : samples) {
      indexed.add(windows == null ? List.of(new TrackSegment(0, s.track().trackEmbedding())) : s.track().segments(windows));
    }
    int hit1 = 0;
    int hit10 = 0;
    double reciprocalRanks = 0;
    List<Double> atErrors = new ArrayList<>();
    for (int q = 0; q < samples.size(); q++) {
      Sample query = samples.get(q);
      List<TrackSegment> clip = windows == null
          ? List.of(new TrackSegment(0, query.clip().trackEmbedding())) : query.clip().segments(windows);
      Match own = match(clip, indexed.get(q), ranking);
      int rank = 1;
      for (int t = 0; t < samples.size(); t++) {
        if (t != q && match(clip, indexed.get(t), ranking).score() > own.score()) {
          rank++;
        }
      }
      hit1 += rank == 1 ? 1 : 0;
      hit10 += rank <= 10 ? 1 : 0;
      reciprocalRanks += 1.0 / rank;
      if (rank == 1 && windows != null) {
        atErrors.add(Math.abs(own.at() - query.clipOffsetSeconds()));
      }
    }
    Map<String, Object> f = new LinkedHashMap<>();
    int n = samples.size();
    f.put("hit@1", round(hit1 / (double) n));
    f.put("hit@10", round(hit10 / (double) n));
    f.put("MRR", round(reciprocalRanks / n));
    if (windows != null) {
      double[] errors = atErrors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      f.put("atErrorMedianSeconds", round(percentile(errors, 0.5)));
      f.put("atErrorP90Seconds", round(percentile(errors, 0.9)));
      f.put("atWithin5s", round(Arrays.stream(errors).filter(e -> e <= 5).count() / (double) Math.max(1, errors.length)));
    }
    return f;
  }

  private static Match match(List<TrackSegment> clip, List<TrackSegment> track, Ranking ranking) {
    double total = 0;
    double best = Double.NEGATIVE_INFINITY;
    double at = 0;
    for (TrackSegment q : clip) {
      double bestForQuery = Double.NEGATIVE_INFINITY;
      for (TrackSegment s : track) {
        double sim = dot(q.embedding(), s.embedding());
        bestForQuery = Math.max(bestForQuery, sim);
        if (sim > best) {
          best = sim;
          at = Math.max(0, s.at() - q.at());
        }
      }
      total += bestForQuery;
    }
    return new Match(ranking == Ranking.MEAN_BEST ? total / clip.size() : best, at);
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  /** Linear interpolation between order statistics (numpy's default); NaN when empty. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Three decimals; null for NaN (JSON has no NaN). */
  private static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 1000) / 1000.0;
  }

  /** Seconds of {@code samples} samples. */
  public static double seconds(long samples) {
    return samples / (double) AudioSpec.SAMPLE_RATE;
  }

  private SegmentChoiceBenchmark() {}
}
