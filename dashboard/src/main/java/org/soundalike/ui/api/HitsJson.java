package org.soundalike.ui.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.soundalike.search.QueryTrack;
import org.soundalike.search.SearchResults;
import org.soundalike.search.SimilarHit;
import org.soundalike.search.TagScore;

/**
 * The API's JSON bodies. A hit has the fields of {@code soundalike search}'s lines (id, score,
 * tags, shared) plus what the page shows (predicted tags, shared predicted tags, title when known).
 */
final class HitsJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private HitsJson() {}

  static ObjectNode results(SearchResults results) {
    ObjectNode body = MAPPER.createObjectNode();
    ArrayNode hits = body.putArray("hits");
    results.hits().forEach(hit -> hits.add(hit(hit)));
    body.put("tookMs", results.tookMillis());
    return body;
  }

  static ObjectNode hit(SimilarHit hit) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", hit.id());
    json.put("score", hit.score());
    strings(json.putArray("tags"), hit.tags());
    strings(json.putArray("shared"), hit.sharedTags());
    predicted(json.putObject("predicted"), hit.predicted());
    strings(json.putArray("sharedPredicted"), hit.sharedPredictedTags());
    if (hit.title() != null) {
      json.put("title", hit.title());
    }
    if (hit.durationSeconds() != null) {
      json.put("durationSeconds", hit.durationSeconds());
    }
    return json;
  }

  static ObjectNode track(QueryTrack track) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", track.id());
    strings(json.putArray("tags"), track.tags());
    ObjectNode scores = json.putObject("predicted");
    track.scores().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> scores.put(e.getKey(), e.getValue()));
    json.put("dimensions", track.embedding().length);
    return json;
  }

  static void predicted(ObjectNode into, List<TagScore> scores) {
    scores.forEach(t -> into.put(t.tag(), t.score()));
  }

  private static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }
}
