package org.soundalike.pipeline.runner;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.soundalike.progress.Progress;

/**
 * One progress line per pipeline step and JVM. A runner creates many instances of a DoFn (one per
 * parallel slot, re-created after failures), and each of them must advance the same line: the line
 * therefore lives in this JVM-wide registry, keyed by a name unique to the pipeline run. With the
 * embedded Flink that is the launcher's terminal; on a cluster, each TaskManager's log.
 */
public final class WorkerProgress {

  private static final Map<String, Progress> LINES = new ConcurrentHashMap<>();

  private WorkerProgress() {}

  public static Progress line(String key, String label, String unit, long total) {
    return LINES.computeIfAbsent(key, k -> new Progress(label, unit, total));
  }

  /** Prints the final line of {@code key} (if this JVM ran any of it) and forgets it. */
  public static void finish(String key) {
    Progress progress = LINES.remove(key);
    if (progress != null) {
      progress.close();
    }
  }
}
