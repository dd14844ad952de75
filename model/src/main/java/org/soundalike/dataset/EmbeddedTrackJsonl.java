package org.soundalike.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@link EmbeddedTrack}s as JSON lines:
 * {@code {"id": "...", "tags": ["..."], "embedding": [floats], "scores": {"tag": probability}}}, optionally
 * with {@code "path"}, {@code "title"} (strings) and {@code "seconds"} (a number) about the audio,
 * and {@code "segments": [{"at": seconds, "embedding": [floats]}]}, the track's stretches.
 * A malformed line is an error naming the file and the line number: nothing is skipped.
 */
public final class EmbeddedTrackJsonl {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EmbeddedTrackJsonl() {}

  public static List<EmbeddedTrack> read(Path file) throws IOException {
    List<EmbeddedTrack> tracks = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          tracks.add(parse(line));
        } catch (IllegalArgumentException | JsonProcessingException e) {
          throw new CatalogException(file + " line " + number + ": " + e.getMessage(), e);
        }
      }
    }
    return tracks;
  }

  /** One line of the format; throws on a malformed line (the caller names the file and line). */
  public static EmbeddedTrack parse(String line) throws JsonProcessingException {
    JsonNode node = JSON.readTree(line);
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    String id = requireText(node, "id");
    List<String> tags = new ArrayList<>();
    JsonNode tagsNode = node.get("tags");
    if (tagsNode != null && !tagsNode.isNull()) {
      if (!tagsNode.isArray()) {
        throw new IllegalArgumentException("'tags' must be an array of strings (track " + id + ")");
      }
      for (JsonNode tag : tagsNode) {
        if (!tag.isTextual()) {
          throw new IllegalArgumentException("'tags' must be an array of strings (track " + id + ")");
        }
        tags.add(tag.asText());
      }
    }
    float[] embedding = vector(node.get("embedding"), "'embedding'", id);
    Map<String, Double> scores = new LinkedHashMap<>();
    JsonNode scoresNode = node.get("scores");
    if (scoresNode != null && !scoresNode.isNull()) {
      if (!scoresNode.isObject()) {
        throw new IllegalArgumentException("'scores' must be an object {tag: probability} (track " + id + ")");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = scoresNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble())) {
          throw new IllegalArgumentException("score of '" + e.getKey() + "' is not a finite number (track " + id + ")");
        }
        scores.put(e.getKey(), e.getValue().asDouble());
      }
    }
    return new EmbeddedTrack(id, tags, embedding, scores, optionalText(node, "path", id), optionalText(node, "title", id),
        optionalSeconds(node, id), segments(node.get("segments"), id));
  }

  private static float[] vector(JsonNode vector, String name, String id) {
    if (vector == null || !vector.isArray() || vector.isEmpty()) {
      throw new IllegalArgumentException(name + " must be a non-empty array of numbers (track " + id + ")");
    }
    float[] embedding = new float[vector.size()];
    for (int i = 0; i < embedding.length; i++) {
      JsonNode value = vector.get(i);
      if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
        throw new IllegalArgumentException(name + "[" + i + "] is not a finite number (track " + id + ")");
      }
      embedding[i] = (float) value.asDouble();
    }
    return embedding;
  }

  private static List<TrackSegment> segments(JsonNode node, String id) {
    List<TrackSegment> segments = new ArrayList<>();
    if (node == null || node.isNull()) {
      return segments;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("'segments' must be an array of {at, embedding} (track " + id + ")");
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode segment = node.get(i);
      JsonNode at = segment.get("at");
      if (at == null || !at.isNumber() || !(at.asDouble() >= 0) || !Double.isFinite(at.asDouble())) {
        throw new IllegalArgumentException("'segments'[" + i + "].at must be a finite number >= 0 (track " + id + ")");
      }
      segments.add(new TrackSegment(at.asDouble(), vector(segment.get("embedding"), "'segments'[" + i + "].embedding", id)));
    }
    return segments;
  }

  private static String optionalText(JsonNode node, String field, String id) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be a string (track " + id + ")");
    }
    return value.asText();
  }

  private static Double optionalSeconds(JsonNode node, String id) {
    JsonNode value = node.get("seconds");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !(value.asDouble() >= 0) || !Double.isFinite(value.asDouble())) {
      throw new IllegalArgumentException("'seconds' must be a finite number >= 0 (track " + id + ")");
    }
    return value.asDouble();
  }

  private static String requireText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
    }
    return value.asText();
  }

  /** Writes one line per track, replacing {@code file}. */
  public static void write(Path file, Iterable<EmbeddedTrack> tracks) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (EmbeddedTrack track : tracks) {
        out.write(toLine(track));
        out.newLine();
      }
    }
  }

  /** One JSON line, without the trailing newline. */
  public static String toLine(EmbeddedTrack track) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", track.id());
    ArrayNode tags = node.putArray("tags");
    track.tags().forEach(tags::add);
    ArrayNode vector = node.putArray("embedding");
    for (float v : track.embedding()) {
      vector.add(v);
    }
    ObjectNode scores = node.putObject("scores");
    track.scores().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> scores.put(e.getKey(), e.getValue()));
    if (track.path() != null) {
      node.put("path", track.path());
    }
    if (track.title() != null) {
      node.put("title", track.title());
    }
    if (track.seconds() != null) {
      node.put("seconds", track.seconds());
    }
    if (!track.segments().isEmpty()) {
      ArrayNode segments = node.putArray("segments");
      for (TrackSegment segment : track.segments()) {
        ObjectNode out = segments.addObject().put("at", segment.at());
        ArrayNode values = out.putArray("embedding");
        for (float v : segment.embedding()) {
          values.add(v);
        }
      }
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
