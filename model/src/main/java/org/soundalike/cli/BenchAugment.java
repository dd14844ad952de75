package org.soundalike.cli;

import org.soundalike.run.CodeVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.soundalike.augment.AugmentationBenchmark;
import org.soundalike.augment.AugmentationPreset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike bench augment}: throughput of each augmentation and of the chain, one thread. */
@Command(
    name = "augment",
    mixinStandardHelpOptions = true,
    description =
        "Time each augmentation and the whole chain on 59,049-sample excerpts (one thread); prints JSON.")
public final class BenchAugment implements Callable<Integer> {

  @Option(
      names = "--preset",
      defaultValue = "paper",
      description = "Augmentation preset: paper or reference (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(
      names = "--excerpts",
      defaultValue = "300",
      description = "Excerpts timed per measurement (default: ${DEFAULT-VALUE}).")
  int excerpts;

  @Option(
      names = "--warmup",
      defaultValue = "60",
      description = "Excerpts run before timing each measurement (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the synthetic excerpts and the draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    AugmentationBenchmark.Result result =
        new AugmentationBenchmark(AugmentationPreset.named(preset), seed).run(warmup, excerpts);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", "augment");
    report.put("date", Instant.now().toString());
    report.put("code_version", CodeVersion.current());
    report.put("threads", 1);
    report.put("available_processors", Runtime.getRuntime().availableProcessors());
    report.put("java", System.getProperty("java.version"));
    // The machine is shared: a high load average means the figures are lower bounds.
    report.put("load_average_1min", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    report.put("result", result);
    System.out.println(
        new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(report));
    return 0;
  }
}
