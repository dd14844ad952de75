package org.soundalike.pipeline;

import java.util.Arrays;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Parses a pipeline's arguments with the project's defaults: the FlinkRunner unless {@code --runner}
 * says otherwise. The master stays Flink's default {@code [auto]} unless {@code --flinkMaster}
 * is given: outside {@code flink run} that is the same as {@code [local]} (an embedded Flink in this
 * JVM), and inside {@code flink run} it is the cluster that started the jar, so one jar serves
 * both. {@code --flinkMaster=host:port} submits to a cluster's REST endpoint.
 */
final class RunnerDefaults {

  private RunnerDefaults() {}

  static <T extends PipelineOptions> T parse(String[] args, Class<T> type) {
    PipelineOptionsFactory.register(type);
    T options = PipelineOptionsFactory.fromArgs(args).withValidation().as(type);
    if (!given(args, "runner")) {
      options.setRunner(FlinkRunner.class);
    }
    return options;
  }

  static boolean given(String[] args, String option) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--" + option) || a.startsWith("--" + option + "="));
  }
}
