package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.soundalike.encode.EmbedBenchmark;
import org.soundalike.encode.ExcerptEncoder;
import org.soundalike.encode.Nd4jExcerptEncoder;
import org.soundalike.net.NetworkParameters;
import org.soundalike.net.SampleCnnConfig;
import org.soundalike.encode.OrtBenchmark;
import org.soundalike.encode.OrtExcerptEncoder;
import org.soundalike.onnx.UntrainedExport;
import org.soundalike.progress.ProcessUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.soundalike.run.RunFolder;

/** {@code soundalike bench embed}: tracks/s and × real time, decode + excerpts + encode. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Write music-like tracks, then time embedding them end to end (decode, evaluation excerpts,",
      "encode, track average) with ONNX Runtime or ND4J. Prints JSON (goal: 15x real time, paper)."
    })
public final class BenchEmbed implements Callable<Integer> {

  @Option(names = "--config", defaultValue = "paper", description = "paper or compact (default: ${DEFAULT-VALUE})")
  String config;

  @Option(names = "--engine", defaultValue = "onnx", description = "onnx or nd4j (default: ${DEFAULT-VALUE})")
  String engine;

  @Option(names = "--model", description = "an export of the same config (default: export an untrained one)")
  Path model;

  @Option(names = "--tracks", defaultValue = "8", description = "tracks to embed (default: ${DEFAULT-VALUE})")
  int tracks;

  @Option(names = "--seconds", defaultValue = "30", description = "length of each track (default: ${DEFAULT-VALUE})")
  double seconds;

  @Option(names = "--format", defaultValue = "mp3", description = "file extension of the tracks (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--batch", defaultValue = "8", description = "excerpts per forward pass (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--threads", defaultValue = "0", description = "ORT intra-op threads, 0 = one per core (default: ${DEFAULT-VALUE})")
  int threads;

  @Override
  public Integer call() throws Exception {
    SampleCnnConfig network = SampleCnnConfig.named(config);
    Path directory = Files.createTempDirectory("soundalike-bench-embed");
    try {
      List<Path> files = EmbedBenchmark.writeTracks(directory, tracks, seconds, format);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("benchmark", "embed");
      out.put("config", network.name());
      out.put("format", format);
      out.put("trackSeconds", seconds);
      out.put("batch", batch);
      out.put("loadAverageAtStart", OrtBenchmark.loadAverage());
      try (ExcerptEncoder encoder = encoder(network, directory)) {
        out.putAll(EmbedBenchmark.run(encoder, files));
      }
      out.put("loadAverageAtEnd", OrtBenchmark.loadAverage());
      out.put("peakResidentGiB", ProcessUsage.peakResidentGiB());
      System.out.println(new ObjectMapper().writeValueAsString(out));
      return 0;
    } finally {
      try (var paths = Files.walk(directory)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private ExcerptEncoder encoder(SampleCnnConfig network, Path directory) throws IOException, InterruptedException {
    return switch (engine) {
      case "onnx" -> OrtExcerptEncoder.open(
          model != null ? model
              : IsolatedExport.untrained(network, directory.resolve(RunFolder.MODEL_ONNX)),
          threads, batch);
      case "nd4j" -> new Nd4jExcerptEncoder(
          NetworkParameters.initialize(network, DataType.FLOAT, 1),
          UntrainedExport.placeholderTags(network.tags()), batch);
      default -> throw new IllegalArgumentException("--engine must be onnx or nd4j, not " + engine);
    };
  }
}
