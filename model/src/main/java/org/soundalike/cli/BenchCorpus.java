package org.soundalike.cli;

import org.soundalike.run.CodeVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.soundalike.corpus.CorpusBuilder;
import org.soundalike.corpus.CorpusParameters;
import org.soundalike.corpus.CorpusSummary;
import org.soundalike.corpus.InstrumentBank;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code soundalike bench corpus}: renders a corpus into a temporary folder and prints the speed as
 * JSON, in wall-clock time and in CPU time (the machine is often shared, so wall time alone
 * understates the renderer).
 */
@Command(name = "corpus", mixinStandardHelpOptions = true,
    description = "Measure demo-corpus rendering speed (times real time); prints JSON.")
public final class BenchCorpus implements Callable<Integer> {

  @Option(names = "--tracks", defaultValue = "40", description = "Tracks to render (default: ${DEFAULT-VALUE}).")
  int tracks;

  @Option(names = "--seconds", defaultValue = "" + CorpusParameters.DEFAULT_SECONDS,
      description = "Seconds per track (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--threads", defaultValue = "2", description = "Render threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws IOException {
    InstrumentBank bank = InstrumentBank.locate(Optional.empty(), System.err);
    Path dir = Files.createTempDirectory("soundalike-bench-corpus");
    try {
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      double load = os.getSystemLoadAverage();
      long cpuBefore = os.getProcessCpuTime();
      CorpusSummary summary = new CorpusBuilder(bank, threads, CodeVersion.current(), System.err)
          .build(dir, new CorpusParameters(tracks, seconds, CorpusParameters.DEFAULT_SEED, 0));
      double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
      ObjectNode json = new ObjectMapper().createObjectNode();
      json.put("bench", "corpus");
      json.put("tracks", tracks);
      json.put("secondsPerTrack", seconds);
      json.put("threads", threads);
      json.put("soundbank", summary.bank());
      json.put("audioSeconds", summary.audioSeconds());
      json.put("wallSeconds", round(summary.renderSeconds()));
      json.put("cpuSeconds", round(cpuSeconds));
      json.put("timesRealTimeWall", round(summary.realTimeFactor()));
      json.put("timesRealTimePerCpuCore", round(summary.audioSeconds() / cpuSeconds));
      json.put("wavBytesPerTrack", Files.size(dir.resolve("audio/track-00000.wav")));
      json.put("loadAverageAtStart", round(load));
      json.put("availableProcessors", Runtime.getRuntime().availableProcessors());
      json.put("codeVersion", CodeVersion.current());
      PrintStream out = System.out;
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
      return 0;
    } finally {
      deleteRecursively(dir);
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
