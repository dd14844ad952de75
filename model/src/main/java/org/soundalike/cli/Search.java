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

/** {@code soundalike search}: tracks that sound like a stored track, one JSON line per hit. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Find tracks that sound like the stored track --like-id (itself excluded), or like the audio file",
      "--like-file embedded with the trained --run, by kNN on the embeddings.",
      "Prints one JSON line per hit: id, score (cosine similarity), tags, shared (tags shared with the",
      "query; for a file, the tags the model predicts for it), predicted (top predicted tags),",
      "shared_predicted (predicted tags both have)."
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

    @ArgGroup(exclusive = false)
    LikeFile file;
  }

  static final class LikeFile {
    @Option(names = "--like-file", required = true, paramLabel = "AUDIO", description = "An audio file to find look-alikes of.")
    Path audio;

    @Option(names = "--run", required = true, paramLabel = "RUN", description = "The training run whose encoder embeds --like-file.")
    Path run;
  }

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
    SearchResults results;
    try (EsConnection connection = es.open()) {
      TrackSearch search = new TrackSearch(connection, index);
      results = like.id != null ? search.moreLikeThis(like.id, query) : search.searchByVector(embed(like.file), query);
    } catch (SearchException e) {
      spec.commandLine().getErr().println("soundalike search: " + e.getMessage());
      return 2;
    } catch (EncodingException e) {
      spec.commandLine().getErr().println("soundalike search: cannot embed --like-file " + like.file.audio + ": " + e.getMessage());
      return 2;
    }
    for (SimilarHit hit : results.hits()) {
      spec.commandLine().getOut().println(JSON.writeValueAsString(line(hit)));
    }
    return 0;
  }

  /** The file's embedding; its predicted tags stand in for the human tags it does not have. */
  private static QueryTrack embed(LikeFile file) {
    if (!Files.isRegularFile(file.audio)) {
      throw new EncodingException(file.audio + ": no such file");
    }
    try (TrackEncoder encoder = TrackEncoder.load(file.run, 1)) {
      return QueryTrack.ofUploadedFile(new AudioFileEmbedder(encoder).embed(file.audio.toString(), List.of(), file.audio));
    }
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
    return line;
  }
}
