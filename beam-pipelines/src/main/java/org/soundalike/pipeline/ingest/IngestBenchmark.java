package org.soundalike.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.soundalike.audio.AudioWriter;
import org.soundalike.audio.MusicLikeSignal;
import org.soundalike.run.CodeVersion;
import org.soundalike.pipeline.runner.JsonLines;
import org.soundalike.pipeline.runner.PipelineSummary;
import org.soundalike.pipeline.runner.RunnerDefaults;
import org.soundalike.progress.Progress;

/**
 * {@code soundalike pipeline bench-ingest}: ingest throughput on the configured runner (embedded
 * Flink by default) over generated music-like tracks; prints JSON. The tracks are generated once
 * and reused, so the timing covers the pipeline only (Flink start-up included, as a user sees it).
 */
public final class IngestBenchmark {

  private static final int SOURCE_RATE = 44_100;

  private IngestBenchmark() {}

  public static void main(String[] args) {
    BenchIngestOptions options = RunnerDefaults.parse(args, BenchIngestOptions.class);
    Path dir = Path.of(options.getDir()).toAbsolutePath().normalize();
    Path audio = dir.resolve("audio");
    generate(audio, options.getTracks(), options.getSeconds(), options.getFormats().split(","));

    IngestOptions ingest = options.as(IngestOptions.class);
    ingest.setInput(audio.toString());
    ingest.setOut(dir.resolve("out").toString());
    long start = System.nanoTime();
    PipelineSummary summary = IngestPipeline.run(ingest);
    double wall = (System.nanoTime() - start) / 1e9;

    double audioSeconds = options.getTracks() * options.getSeconds();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("benchmark", "pipeline-ingest");
    result.put("runner", RunnerDefaults.runnerName(options));
    result.put("parallelism", options.getParallelism());
    result.put("tracks", options.getTracks());
    result.put("secondsPerTrack", options.getSeconds());
    result.put("formats", options.getFormats());
    result.put("accepted", summary.counter(IngestTracks.TRACKS_ACCEPTED));
    result.put("rejected", summary.counter(IngestTracks.FILES_REJECTED));
    result.put("wallSeconds", round(wall));
    result.put("tracksPerSecond", round(options.getTracks() / wall));
    result.put("timesRealTime", round(audioSeconds / wall));
    result.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    result.put("loadAverage1min", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    result.put("codeVersion", CodeVersion.current());
    System.out.println(JsonLines.toJson(result));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  /** Writes the tracks that are not there yet: distinct seeds, so none is a duplicate of another. */
  private static void generate(Path audio, int tracks, double seconds, String[] formats) {
    try {
      Files.createDirectories(audio);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int samples = (int) Math.round(seconds * SOURCE_RATE);
    try (Progress progress = new Progress("generate", "tracks", tracks)) {
      for (int i = 0; i < tracks; i++) {
        Path file = audio.resolve(String.format(Locale.ROOT, "track-%05d.%s", i, formats[i % formats.length].trim()));
        if (!Files.exists(file)) {
          float[][] stereo = new MusicLikeSignal(SOURCE_RATE, 1000 + i).next(samples);
          AudioWriter.write(file, SOURCE_RATE, stereo[0], stereo[1]);
        }
        progress.advance();
      }
    }
  }
}
