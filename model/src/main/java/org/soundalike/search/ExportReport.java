package org.soundalike.search;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of an export: lines read, tracks indexed (= documents counted in the index),
 * the rejected tracks with their reasons, whether the alias now points at the new index, and the
 * indices it pointed to before (they stay until pruned).
 */
public record ExportReport(String index, String alias, long read, long indexed, List<Reject> rejects,
    boolean aliasSwitched, List<String> previousIndices, Duration elapsed) {

  public ExportReport {
    rejects = List.copyOf(rejects);
    previousIndices = List.copyOf(previousIndices);
  }

  public double docsPerSecond() {
    return indexed / Math.max(1e-9, elapsed.toNanos() / 1e9);
  }
}
