package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.soundalike.encode.EncodingException;
import org.soundalike.encode.TrackEncoder;
import org.soundalike.search.AudioFileEmbedder;
import org.soundalike.search.EsConnection;
import org.soundalike.search.QueryTrack;
import org.soundalike.search.SearchException;
import org.soundalike.search.SearchResults;
import org.soundalike.search.SimilarHit;
import org.soundalike.search.SimilarityQuery;
import org.soundalike.search.TagSource;
import org.soundalike.search.TrackSearch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code soundalike search}: tracks that sound like a stored track, one JSON line per hit. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Find tracks that sound like the stored track --like-id (itself excluded), or like the audio file",
      "--like-file embedded with the trained --run, by kNN on the embeddings.",
      "Prints one JSON line per hit: id, score (cosine similarity), tags, shared (tags shared with the",
      "query; for a file, the tags the model predicts for it), predicted (top predicted tags),",
      "shared_predicted (predicted tags both have).",
      "A file is matched by its segments (--match segments, its default): each hit also has 'at' (where the",
      "file's audio starts in the track, seconds) and 'segmentScore' (the best segment's cosine). --like-id",
      "compares whole tracks unless --match segments (then the track's indexed audio is embedded with --run)."
    })
public final class Search implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--index", defaultValue = "tracks", paramLabel = "NAME", description = "Index or alias (default: ${DEFAULT-VALUE}).")
  String index;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Like like;

  static final class Like {
    @Option(names = "--like-id", required = true, paramLabel = "ID", description = "The stored track to find look-alikes of.")
    String id;

    @Option(names = "--like-file", required = true, paramLabel = "AUDIO", description = "An audio file to find look-alikes of.")
    Path audio;
  }

  @Option(names = "--run", paramLabel = "RUN",
      description = "The training run whose encoder embeds --like-file (required with it, and with --like-id --match segments).")
  Path run;

  /** What is compared: whole-track vectors, or segments (where in a track the query sounds alike). */
  enum Match { TRACK, SEGMENTS }

  @Option(names = "--match", paramLabel = "track|segments",
      description = "Compare whole tracks or segments (default: segments with --like-file, track with --like-id).")
  String match;

  @Option(names = "--k", defaultValue = "" + SimilarityQuery.DEFAULT_K, description = "Number of hits (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--tag", paramLabel = "T", description = "Every hit must have this tag (repeatable).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--not-tag", paramLabel = "T", description = "No hit may have this tag (repeatable).")
  List<String> notTags = new ArrayList<>();

  @Option(names = "--tag-source", defaultValue = "any",
      description = "Which tags --tag/--not-tag look at: human, predicted or any (default: ${DEFAULT-VALUE}).")
  String tagSource;

  @Option(names = "--min-score", paramLabel = "S", description = "Lowest cosine similarity a hit may have, in [-1, 1].")
  Double minScore;

  @Option(names = "--num-candidates", description = "HNSW candidates examined (default: " + SimilarityQuery.DEFAULT_NUM_CANDIDATES
      + ", " + SimilarityQuery.LARGE_INDEX_NUM_CANDIDATES + " from " + SimilarityQuery.LARGE_INDEX_TRACKS + " indexed tracks on, "
      + SimilarityQuery.DEFAULT_FILTERED_NUM_CANDIDATES + " with --tag; more = better recall, slower).")
  Integer numCandidates;

  @Mixin EsOptions es;

  @Override
  public Integer call() throws IOException {
    SimilarityQuery query = SimilarityQuery.top(k).withNumCandidates(numCandidates == null ? SimilarityQuery.AUTO : numCandidates).withTags(tags, notTags)
        .withTagSource(TagSource.valueOf(tagSource.toUpperCase(Locale.ROOT))).withMinScore(minScore);
    Match matching = match == null ? (like.audio != null ? Match.SEGMENTS : Match.TRACK) : matchNamed(match);
    if (run == null && (like.audio != null || matching == Match.SEGMENTS)) {
      throw new ParameterException(spec.commandLine(), like.audio != null
          ? "Missing required option: '--run=RUN' (the run whose encoder embeds --like-file)"
          : "--like-id with --match segments needs --run RUN (the track's indexed audio is embedded into segments)");
    }
    SearchResults results;
    try (EsConnection connection = es.open()) {
      TrackSearch search = new TrackSearch(connection, index);
      if (like.id != null && matching == Match.TRACK) {
        results = search.moreLikeThis(like.id, query);
      } else {
        QueryTrack queryTrack = like.id != null ? storedTrackAudio(search, like.id) : embed(like.audio, null);
        results = matching == Match.SEGMENTS ? search.searchBySegments(queryTrack, query) : search.searchByVector(queryTrack, query);
      }
    } catch (SearchException e) {
      spec.commandLine().getErr().println("soundalike search: " + e.getMessage());
      return 2;
    } catch (EncodingException e) {
      spec.commandLine().getErr().println("soundalike search: cannot embed " + (like.audio != null ? "--like-file " + like.audio
          : "the audio of --like-id " + like.id) + ": " + e.getMessage());
      return 2;
    }
    for (SimilarHit hit : results.hits()) {
      spec.commandLine().getOut().println(JSON.writeValueAsString(line(hit)));
    }
    return 0;
  }

  private Match matchNamed(String name) {
    try {
      return Match.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--match is track or segments, got '" + name + "'");
    }
  }

  /**
   * The file's embedding and segments; its predicted tags stand in for the human tags it does not
   * have. {@code storedId}, when the file is an indexed track's audio, is excluded from the hits.
   */
  private QueryTrack embed(Path audio, String storedId) {
    if (!Files.isRegularFile(audio)) {
      throw new EncodingException(audio + ": no such file");
    }
    try (TrackEncoder encoder = TrackEncoder.load(run, 1)) {
      QueryTrack file = QueryTrack.ofUploadedFile(new AudioFileEmbedder(encoder).embed(audio.toString(), List.of(), audio));
      return new QueryTrack(storedId, file.embedding(), file.tags(), file.scores(), file.segments());
    }
  }

  /** A stored track searched by its segments: its indexed audio file, embedded again (the index keeps no segment vectors to read back). */
  private QueryTrack storedTrackAudio(TrackSearch search, String id) {
    String path = search.trackPath(id);
    if (path == null) {
      throw new SearchException("track " + id + " in " + index + " has no path, so its segments cannot be embedded: use --match track");
    }
    return embed(Path.of(path), id);
  }

  static ObjectNode line(SimilarHit hit) {
    ObjectNode line = JSON.createObjectNode();
    line.put("id", hit.id()).put("score", Math.round(hit.score() * 1e6) / 1e6);
    hit.tags().forEach(line.putArray("tags")::add);
    hit.sharedTags().forEach(line.putArray("shared")::add);
    ObjectNode predicted = line.putObject("predicted");
    hit.predicted().forEach(t -> predicted.put(t.tag(), t.score()));
    hit.sharedPredictedTags().forEach(line.putArray("shared_predicted")::add);
    if (hit.title() != null) {
      line.put("title", hit.title());
    }
    if (hit.path() != null) {
      line.put("path", hit.path());
    }
    if (hit.durationSeconds() != null) {
      line.put("duration_s", hit.durationSeconds());
    }
    if (hit.at() != null) {
      line.put("at", Math.round(hit.at() * 100) / 100.0).put("segmentScore", Math.round(hit.segmentScore() * 1e6) / 1e6);
    }
    return line;
  }
}
