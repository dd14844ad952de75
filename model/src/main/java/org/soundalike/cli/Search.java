package org.soundalike.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.soundalike.search.EsConnection;
import org.soundalike.search.SearchException;
import org.soundalike.search.SearchResults;
import org.soundalike.search.SimilarHit;
import org.soundalike.search.SimilarityQuery;
import org.soundalike.search.TagSource;
import org.soundalike.search.TrackSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code soundalike search}: tracks that sound like a stored track, one JSON line per hit. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Find tracks that sound like the track --like-id (itself excluded), by kNN on the embeddings.",
      "Prints one JSON line per hit: id, score (cosine similarity), tags, shared (tags shared with the",
      "query), predicted (top predicted tags), shared_predicted (predicted tags both have)."
    })
public final class Search implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--index", defaultValue = "tracks", paramLabel = "NAME", description = "Index or alias (default: ${DEFAULT-VALUE}).")
  String index;

  @Option(names = "--like-id", required = true, paramLabel = "ID", description = "The stored track to find look-alikes of.")
  String likeId;

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

  @Option(names = "--num-candidates", defaultValue = "" + SimilarityQuery.DEFAULT_NUM_CANDIDATES,
      description = "HNSW candidates examined (default: ${DEFAULT-VALUE}; more = better recall, slower).")
  int numCandidates;

  @Mixin EsOptions es;

  @Override
  public Integer call() throws IOException {
    SimilarityQuery query = SimilarityQuery.top(k).withNumCandidates(Math.max(numCandidates, k)).withTags(tags, notTags)
        .withTagSource(TagSource.valueOf(tagSource.toUpperCase(Locale.ROOT))).withMinScore(minScore);
    SearchResults results;
    try (EsConnection connection = es.open()) {
      results = new TrackSearch(connection, index).moreLikeThis(likeId, query);
    } catch (SearchException e) {
      System.err.println("soundalike search: " + e.getMessage());
      return 2;
    }
    for (SimilarHit hit : results.hits()) {
      System.out.println(JSON.writeValueAsString(line(hit)));
    }
    return 0;
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
