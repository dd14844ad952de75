package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioException;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.Excerpts;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.Track;
import org.soundalike.encode.ExcerptEncoder;
import org.soundalike.encode.ExcerptEncoders;
import org.soundalike.encode.OrtBenchmark;
import org.soundalike.encode.SegmentWindows;
import org.soundalike.search.bench.SegmentChoiceBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code soundalike bench segments}: which segment window and hop find a clip's track and its moment. */
@Command(
    name = "segments",
    mixinStandardHelpOptions = true,
    description = {
      "Cut one clip at a random sample offset from every track of --catalog, embed tracks and clips with",
      "--run, and match each clip against every track exactly (no Elasticsearch) for each segment window",
      "and hop: hit@1, hit@10, MRR of the clip's own track, and the error of 'at' (median, p90). Prints JSON."
    })
public final class BenchSegments implements Callable<Integer> {

  @Option(names = "--run", required = true, description = "The training run whose encoder embeds tracks and clips.")
  Path run;

  @Option(names = "--catalog", required = true, description = "A catalog folder (tracks.csv, a known dataset, or plain audio).")
  Path catalog;

  @Option(names = "--clip-seconds", defaultValue = "20", description = "Clip length (default: ${DEFAULT-VALUE}).")
  double clipSeconds;

  @Option(names = "--max-tracks", defaultValue = "0", description = "Use at most this many tracks, 0 = all (default: ${DEFAULT-VALUE}).")
  int maxTracks;

  @Option(names = "--windows", defaultValue = "1x1,2x1,4x2,4x4,8x4",
      description = "Segment choices, EXCERPTSxHOP in 2.68 s excerpts (default: ${DEFAULT-VALUE}).")
  String windows;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the clip offsets (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", description = "Also write the JSON here.")
  Path out;

  @Override
  public Integer call() throws Exception {
    List<SegmentWindows> choices = Arrays.stream(windows.split(",")).map(String::strip).map(BenchSegments::choice).toList();
    Catalog tracks = Catalogs.open(catalog);
    List<Track> chosen = maxTracks > 0 ? tracks.tracks().subList(0, Math.min(maxTracks, tracks.size())) : tracks.tracks();
    int clipSamples = (int) Math.round(clipSeconds * AudioSpec.SAMPLE_RATE);
    if (clipSamples < AudioSpec.EXCERPT_SAMPLES) {
      throw new IllegalArgumentException("--clip-seconds must hold one " + AudioSpec.excerptSeconds() + " s excerpt, got " + clipSeconds);
    }
    SplittableRandom random = new SplittableRandom(seed);
    AudioDecoder decoder = new AudioDecoder();
    List<SegmentChoiceBenchmark.Sample> samples = new ArrayList<>();
    long started = System.nanoTime();
    double audioSeconds = 0;
    try (ExcerptEncoder encoder = ExcerptEncoders.load(run, ExcerptEncoders.Settings.DEFAULT)) {
      for (Track track : chosen) {
        float[] pcm;
        try {
          pcm = decoder.decode(track.audio()).samples();
        } catch (AudioException e) {
          System.err.println("skipped " + track.id() + ": " + e.getMessage());
          continue;
        }
        if (pcm.length < clipSamples) {
          System.err.println("skipped " + track.id() + ": shorter than a clip");
          continue;
        }
        long start = SegmentChoiceBenchmark.clipStart(random, pcm.length, clipSamples);
        float[] clip = Arrays.copyOfRange(pcm, (int) start, (int) start + clipSamples);
        samples.add(new SegmentChoiceBenchmark.Sample(track.id(),
            encoder.encode(Excerpts.of(track.id(), track.audio(), pcm).windows()),
            encoder.encode(Excerpts.of(track.id(), track.audio(), clip).windows()),
            SegmentChoiceBenchmark.seconds(start)));
        audioSeconds += SegmentChoiceBenchmark.seconds(pcm.length + clipSamples);
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", "segments");
    report.put("run", run.toAbsolutePath().toString());
    report.put("catalog", catalog.toAbsolutePath().toString());
    report.put("tracks", samples.size());
    report.put("clipSeconds", clipSeconds);
    report.put("seed", seed);
    report.put("embedSeconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
    report.put("audioSecondsEmbedded", Math.round(audioSeconds));
    report.put("loadAverage", OrtBenchmark.loadAverage());
    report.put("choices", SegmentChoiceBenchmark.run(samples, choices));
    String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
    System.out.println(json);
    if (out != null) {
      Files.writeString(out, json + "\n");
    }
    return 0;
  }

  private static SegmentWindows choice(String text) {
    String[] parts = text.split("x");
    if (parts.length != 2) {
      throw new IllegalArgumentException("a segment choice is EXCERPTSxHOP, e.g. 4x2, got " + text);
    }
    return new SegmentWindows(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }
}
