package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.EmbeddedTrackJsonl;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.Track;
import org.soundalike.encode.EncodingException;
import org.soundalike.encode.ExcerptEncoders;
import org.soundalike.encode.TrackEncoder;
import org.soundalike.progress.Progress;
import org.soundalike.search.AudioFileEmbedder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code soundalike embed --run RUN FILE...} or {@code --catalog DIR --split test --out tracks.jsonl}. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Embeds tracks with a trained run: embedding = L2(mean of the excerpts' z), scores = mean of the tag sigmoids.",
      "FILE...: one JSON line per file on stdout: {\"id\", \"tags\": [], \"embedding\", \"scores\"} or {\"id\", \"error\"}.",
      "--catalog --split --out: a split with its human tags as tracks.jsonl (for 'soundalike metrics' / 'evaluate');",
      "tracks that cannot be embedded are listed on stderr and the exit code is 1."
    })
public final class Embed implements Callable<Integer> {

  @Spec CommandSpec spec;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--run", required = true, description = "Training run folder (its best checkpoint is used).")
  Path run;

  @Option(names = "--engine", defaultValue = "onnx",
      description = "onnx (the run's export, made on first use and cached as RUN/model.onnx) or nd4j. Default: ${DEFAULT-VALUE}.")
  String engine;

  @Option(names = "--threads", defaultValue = "0",
      description = "ONNX Runtime intra-op threads, 0 = one per core. Default: ${DEFAULT-VALUE}.")
  int threads;

  @Option(names = "--batch", defaultValue = "8", description = "Excerpts per forward pass. Default: ${DEFAULT-VALUE}.")
  int batch;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Parameters(description = "Audio files.", arity = "1..*")
    List<Path> files;

    @ArgGroup(exclusive = false)
    CatalogSplit catalog;
  }

  static final class CatalogSplit {
    @Option(names = "--catalog", required = true, description = "Catalog folder.")
    Path dir;

    @Option(names = "--split", defaultValue = "test", description = "train, valid or test. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--out", required = true, description = "tracks.jsonl to write.")
    Path out;
  }

  @Override
  public Integer call() {
    return TrainCommands.execute("embed", spec.commandLine().getErr(), () -> {
      ExcerptEncoders.Settings settings = new ExcerptEncoders.Settings(ExcerptEncoders.Engine.named(engine), threads, batch);
      try (TrackEncoder encoder = TrackEncoder.load(run, settings)) {
        return input.files != null ? files(new AudioFileEmbedder(encoder)) : catalogSplit(encoder);
      }
    });
  }

  private int files(AudioFileEmbedder embedder) throws IOException {
    int failures = 0;
    for (Path file : input.files) {
      String id = file.toString();
      String line;
      try {
        line = EmbeddedTrackJsonl.toLine(embedder.embed(id, List.of(), file));
      } catch (EncodingException e) {
        ObjectNode error = JSON.createObjectNode();
        error.put("id", id);
        error.put("error", e.getMessage());
        line = JSON.writeValueAsString(error);
        failures++;
      }
      spec.commandLine().getOut().println(line);
      spec.commandLine().getOut().flush();
    }
    return failures == 0 ? 0 : 1;
  }

  private int catalogSplit(TrackEncoder encoder) throws IOException {
    AudioFileEmbedder embedder = new AudioFileEmbedder(encoder);
    Catalog catalog = Catalogs.open(input.catalog.dir);
    Split split = Split.parse(input.catalog.split);
    if (!catalog.vocabulary().tags().equals(encoder.tags())) {
      throw new IllegalArgumentException("run " + run + " was trained on another tag vocabulary than catalog "
          + input.catalog.dir);
    }
    List<Track> tracks = catalog.tracks(split);
    List<String> failed = new ArrayList<>();
    Path parent = input.catalog.out.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (BufferedWriter out = Files.newBufferedWriter(input.catalog.out, StandardCharsets.UTF_8);
        Progress progress = new Progress("embedding " + split.name().toLowerCase(), "tracks", tracks.size())) {
      for (Track track : tracks) {
        try {
          out.write(EmbeddedTrackJsonl.toLine(embedder.embed(track.id(), new ArrayList<>(track.tags().tags()), track.audio())));
          out.newLine();
          progress.advance();
        } catch (EncodingException e) {
          failed.add(track.id() + ": " + e.getMessage());
          progress.fail();
        }
      }
    }
    failed.forEach(f -> spec.commandLine().getErr().println("not embedded: " + f));
    spec.commandLine().getOut().println("embedded " + (tracks.size() - failed.size()) + " of " + tracks.size() + " tracks into "
        + input.catalog.out);
    return failed.isEmpty() ? 0 : 1;
  }
}
