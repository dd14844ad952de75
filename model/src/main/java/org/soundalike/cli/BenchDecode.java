package org.soundalike.cli;

import org.soundalike.run.CodeVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.DecodeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike bench decode}: decode + resample speed per format, one thread. */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
      "Write a music-like 44.1 kHz stereo file per format, then time decoding it to mono 22,050 Hz",
      "on one thread. Prints JSON; timesRealTime is the median run (target: 50 or more)."
    })
public final class BenchDecode implements Callable<Integer> {

  @Option(names = "--seconds", defaultValue = "300", description = "Length of each file (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--runs", defaultValue = "3", description = "Timed decodes per format after a warm-up (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--formats",
      split = ",",
      defaultValue = "wav,flac,mp3,ogg,m4a,opus",
      description = "Extensions to measure (default ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--keep", description = "Keep the generated files and print where.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("soundalike-bench-decode");
    try {
      List<DecodeBenchmark.FormatResult> results = new DecodeBenchmark(seconds, runs).run(dir, formats);
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("benchmark", "decode");
      report.put("date", Instant.now().toString());
      report.put("codeVersion", CodeVersion.current());
      report.put("availableProcessors", Runtime.getRuntime().availableProcessors());
      report.put("threads", 1);
      report.put("sourceSeconds", seconds);
      report.put("sourceRate", DecodeBenchmark.SOURCE_RATE);
      report.put("sourceChannels", DecodeBenchmark.SOURCE_CHANNELS);
      report.put("targetRate", AudioSpec.SAMPLE_RATE);
      report.put("runs", runs);
      report.put("formats", results);
      if (keep) {
        report.put("files", dir.toString());
      }
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
      return 0;
    } finally {
      if (!keep) {
        delete(dir);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
