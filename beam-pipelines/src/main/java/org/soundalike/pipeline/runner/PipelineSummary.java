package org.soundalike.pipeline.runner;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * What a finished pipeline reports: its final state and its Beam counters (summed over all steps
 * and workers), read back from the {@link PipelineResult}.
 */
public record PipelineSummary(String pipeline, PipelineResult.State state, Map<String, Long> counters, long inputs, Path out) {

  public static PipelineSummary of(String pipeline, PipelineResult result, Class<?> namespace, long inputs, Path out) {
    Map<String, Long> counters = new TreeMap<>();
    MetricQueryResults metrics = result.metrics().queryMetrics(
        MetricsFilter.builder().addNameFilter(MetricNameFilter.inNamespace(namespace)).build());
    for (MetricResult<Long> counter : metrics.getCounters()) {
      counters.merge(counter.getName().getName(), attemptedOrCommitted(counter), Long::sum);
    }
    return new PipelineSummary(pipeline, result.getState(), Map.copyOf(counters), inputs, out);
  }

  // Some runners support only attempted metrics; committed ones throw there.
  private static long attemptedOrCommitted(MetricResult<Long> counter) {
    try {
      return counter.getCommitted();
    } catch (UnsupportedOperationException e) {
      return counter.getAttempted();
    }
  }

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  public String line() {
    return pipeline + " " + state + ": " + inputs + " inputs, counters " + counters + ", output in " + out;
  }
}
