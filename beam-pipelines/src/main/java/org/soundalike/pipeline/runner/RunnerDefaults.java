package org.soundalike.pipeline.runner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsValidator;

/**
 * Parses a pipeline's arguments with the project's defaults: the FlinkRunner unless {@code --runner}
 * says otherwise. The master stays Flink's default {@code [auto]} unless {@code --flinkMaster}
 * is given: outside {@code flink run} that is the same as {@code [local]} (an embedded Flink in this
 * JVM), and inside {@code flink run} it is the cluster that started the jar, so one jar serves
 * both. {@code --flinkMaster=host:port} submits to a cluster's REST endpoint.
 */
public final class RunnerDefaults {

  private RunnerDefaults() {}

  public static <T extends PipelineOptions> T parse(String[] args, Class<T> type) {
    PipelineOptionsFactory.register(type);
    T options = PipelineOptionsFactory.fromArgs(args).as(type);
    if (!given(args, "runner")) {
      options.setRunner(FlinkRunner.class);
    }
    // Validated only once the runner is set: Beam's validation reads every property, and the
    // runner's default is the DirectRunner, which is on the tests' class path but not the launcher's
    // ("No Runner was specified and the DirectRunner was not found" before any pipeline ran).
    return PipelineOptionsValidator.validateCli(type, options);
  }

  /**
   * {@code --input DIR} → {@code --input=DIR}: Beam reads only the {@code --name=value} form, while
   * the command-line contracts (and every other soundalike command) separate a value with a space.
   * A pipeline has no positional arguments, so a word that does not start with {@code --} is
   * always the value of the option before it.
   */
  public static String[] joinSpacedValues(String[] args) {
    List<String> joined = new ArrayList<>();
    for (String arg : args) {
      int last = joined.size() - 1;
      if (!arg.startsWith("--") && last >= 0 && joined.get(last).startsWith("--") && !joined.get(last).contains("=")) {
        joined.set(last, joined.get(last) + "=" + arg);
      } else {
        joined.add(arg);
      }
    }
    return joined.toArray(String[]::new);
  }

  public static boolean given(String[] args, String option) {
    return Arrays.stream(args).anyMatch(a -> a.equals("--" + option) || a.startsWith("--" + option + "="));
  }

  /** The runner a pipeline runs on, for its first progress line: with the master when it is Flink. */
  public static String runnerName(FlinkPipelineOptions options) {
    String runner = options.getRunner().getSimpleName();
    return "FlinkRunner".equals(runner) ? runner + " (master " + options.getFlinkMaster() + ")" : runner;
  }
}
