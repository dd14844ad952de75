package org.soundalike.corpus;

import java.nio.file.Path;
import java.util.Map;
import org.soundalike.dataset.Split;

/**
 * What a corpus build produced, for the command line to print.
 *
 * @param reused true when the folder already held this corpus and nothing was rendered
 * @param labelCounts tracks carrying each tag in tracks.csv, in vocabulary order
 * @param renderSeconds wall-clock time of the render (0 when reused)
 */
public record CorpusSummary(Path dir, CorpusParameters parameters, String bank, boolean reused,
    Map<Split, Integer> tracksPerSplit, double audioSeconds, Map<String, Integer> labelCounts,
    double renderSeconds, int threads) {

  public CorpusSummary {
    tracksPerSplit = Map.copyOf(tracksPerSplit);
    labelCounts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labelCounts));
  }

  /** Seconds of audio rendered per second of wall-clock time (NaN when reused). */
  public double realTimeFactor() {
    return reused ? Double.NaN : audioSeconds / renderSeconds;
  }
}
