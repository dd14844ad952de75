package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.soundalike.audio.Mp3Clip;
import org.soundalike.dataset.Catalog;
import org.soundalike.dataset.Catalogs;
import org.soundalike.dataset.Split;
import org.soundalike.dataset.Track;
import org.soundalike.dataset.debian.MusicTrack;
import org.soundalike.encode.TrackEncoder;
import org.soundalike.eval.identity.IdentityBenchmark;
import org.soundalike.eval.identity.IdentityQuery;
import org.soundalike.eval.identity.IdentityRanking;
import org.soundalike.eval.identity.IdentityReport;
import org.soundalike.eval.identity.VectorRanking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code soundalike bench identity}: does a clip of a catalog track find that track first? */
@Command(
    name = "identity",
    mixinStandardHelpOptions = true,
    description = {
      "Track identity: for each track of --split, cut a clip at a seeded random offset, re-encode it"
          + " (MP3 128 kbit/s, stereo, 44.1 kHz), embed it and rank every catalog track by cosine"
          + " similarity. Reports hit@1, hit@5, hit@10, MRR and same-collection precision@5 for the"
          + " run's encoder and for the MFCC baseline (mean and std of 20 MFCCs), as a table on stdout"
          + " and JSON (with every query's true offset) in --out."
    })
public final class BenchIdentity implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--run", paramLabel = "RUN", description = "The run whose encoder is measured (without it: the baseline only).")
  Path run;

  @Option(names = "--catalog", required = true, paramLabel = "DIR", description = "The catalog: every track is in the database.")
  Path catalogDir;

  @Option(names = "--split", defaultValue = "test", description = "The tracks queried (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--seconds", defaultValue = "20", description = "Clip length (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--seed", defaultValue = "1", description = "Seeds the clips' offsets (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "The JSON report (default: RUN/identity.json, else identity.json).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Catalog catalog = Catalogs.open(catalogDir);
    Split querySplit = Split.parse(split);
    List<Track> queries = catalog.tracks().stream().filter(t -> t.split() == querySplit).toList();
    if (queries.isEmpty()) {
      spec.commandLine().getErr().println("soundalike bench identity: " + catalogDir + " has no " + querySplit.label() + " tracks");
      return 2;
    }
    List<IdentityRanking> rankings = new ArrayList<>();
    TrackEncoder encoder = run == null ? null : TrackEncoder.load(run, 1);
    try {
      if (encoder != null) {
        rankings.add(new VectorRanking("model", (id, file, samples) -> encoder.encode(id, file, samples).embedding(), false));
      }
      rankings.add(VectorRanking.mfcc());
      IdentityBenchmark benchmark = new IdentityBenchmark(seconds, seed, BenchIdentity::collection, System.err);
      List<IdentityQuery> results = benchmark.run(catalog.tracks(), queries, rankings);
      IdentityReport report = new IdentityReport(run == null ? null : run.toString(), catalogDir.toString(), querySplit.label(),
          seconds, seed, catalog.tracks().size(),
          "mp3 " + Mp3Clip.BIT_RATE / 1000 + " kbit/s, " + Mp3Clip.CHANNELS + " channels, " + Mp3Clip.SAMPLE_RATE + " Hz",
          IdentityReport.rows(rankings.stream().map(IdentityRanking::name).toList(), results), results);
      Path target = out != null ? out : run != null ? run.resolve("identity.json") : Path.of("identity.json");
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(target.toFile(), report);
      spec.commandLine().getOut().print(report.table());
      spec.commandLine().getOut().println("report: " + target);
      spec.commandLine().getOut().flush();
      return 0;
    } finally {
      if (encoder != null) {
        encoder.close();
      }
    }
  }

  /** The track's {@code collection:} tag (the real catalog's package), else the first folder of its id. */
  static String collection(Track track) {
    return track.tags().tags().stream()
        .filter(t -> t.startsWith(MusicTrack.COLLECTION))
        .map(t -> t.substring(MusicTrack.COLLECTION.length()))
        .findFirst()
        .orElse(track.id().contains("/") ? track.id().substring(0, track.id().indexOf('/')) : "");
  }
}
