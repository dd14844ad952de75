package org.soundalike.eval.identity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioSpec;
import org.soundalike.audio.Mp3Clip;
import org.soundalike.dataset.Track;
import org.soundalike.progress.Progress;

/**
 * The track-identity benchmark: a curator uploads a clip of a catalog track and expects that track
 * first. Every catalog track is decoded once and handed to each ranking; then, for each query track,
 * a clip of {@code clipSeconds} is cut at a seeded random offset, re-encoded as an upload would be
 * ({@link Mp3Clip}: MP3 128 kbit/s, stereo, 44.1 kHz), decoded like any upload and ranked.
 */
public final class IdentityBenchmark {

  private final double clipSeconds;
  private final long seed;
  private final Function<Track, String> collection;
  private final PrintStream log;

  /**
   * @param collection a track's collection (same-collection precision counts tracks that share it)
   */
  public IdentityBenchmark(double clipSeconds, long seed, Function<Track, String> collection, PrintStream log) {
    this.clipSeconds = clipSeconds;
    this.seed = seed;
    this.collection = collection;
    this.log = log;
  }

  /** The queries, in the order of {@code queries}; {@code catalog} is the whole database. */
  public List<IdentityQuery> run(List<Track> catalog, List<Track> queries, List<IdentityRanking> rankings) throws IOException {
    AudioDecoder decoder = new AudioDecoder();
    Map<String, Double> seconds = new LinkedHashMap<>();
    try (Progress progress = new Progress("identity: catalog", "tracks", catalog.size(), log, System::nanoTime, Duration.ofSeconds(10))) {
      for (Track track : catalog) {
        float[] samples = decoder.decode(track.audio()).samples();
        seconds.put(track.id(), samples.length / (double) AudioSpec.SAMPLE_RATE);
        for (IdentityRanking ranking : rankings) {
          ranking.add(track.id(), track.audio(), samples);
        }
        progress.advance();
      }
    }
    Map<String, String> collections = new LinkedHashMap<>();
    catalog.forEach(t -> collections.put(t.id(), collection.apply(t)));
    List<IdentityQuery> out = new ArrayList<>();
    Path clips = Files.createTempDirectory("soundalike-identity");
    try (Progress progress = new Progress("identity: queries", "clips", queries.size(), log, System::nanoTime, Duration.ofSeconds(10))) {
      for (Track track : queries) {
        double length = seconds.get(track.id());
        double offset = offset(track.id(), length);
        Path clip = clips.resolve("clip.mp3");
        Mp3Clip.cut(track.audio(), offset, clipSeconds, clip);
        float[] samples = decoder.decode(clip).samples();
        Map<String, IdentityQuery.Result> results = new LinkedHashMap<>();
        for (IdentityRanking ranking : rankings) {
          results.put(ranking.name(), result(track, ranking.rank(clip, samples), collections));
        }
        Files.delete(clip);
        out.add(new IdentityQuery(track.id(), collections.get(track.id()), length, offset, results));
        progress.advance();
      }
    } finally {
      Files.deleteIfExists(clips);
    }
    return out;
  }

  /**
   * Uniform in [0, length − clip], drawn from the seed and the track id only, so every ranking and
   * every run sees the same clip of a track.
   */
  double offset(String id, double length) {
    if (length < clipSeconds) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "track %s is %.1f s long, shorter than a %.0f s clip", id, length, clipSeconds));
    }
    double draw = new SplittableRandom(seed * 1_000_003L + id.hashCode()).nextDouble();
    return Math.floor(draw * (length - clipSeconds) * 1000) / 1000;
  }

  private static IdentityQuery.Result result(Track source, RankedTracks ranked, Map<String, String> collections) {
    int rank = ranked.ids().indexOf(source.id()) + 1;
    if (rank == 0) {
      throw new IllegalStateException("the ranking left out the query's own track " + source.id());
    }
    String own = collections.get(source.id());
    List<String> others = ranked.ids().stream().filter(id -> !id.equals(source.id())).limit(5).toList();
    double same = others.isEmpty() ? 0 : others.stream().filter(id -> own.equals(collections.get(id))).count() / (double) others.size();
    return new IdentityQuery.Result(rank, ranked.ids().subList(0, Math.min(10, ranked.ids().size())), same,
        ranked.predictedOffsetSeconds());
  }
}
