package org.soundalike.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.soundalike.dataset.EmbeddedTrack;
import org.soundalike.dataset.TrackSegment;

/**
 * One track as stored in the index (document id = track id, so re-exporting overwrites instead of
 * duplicating, and replaces the track's nested segments with it). {@code title}, {@code path} and
 * {@code durationSeconds} are optional catalog facts.
 */
public record TrackDocument(EmbeddedTrack track, String title, String path, Double durationSeconds, Provenance provenance) {

  /** The document of {@code track}, with the path, title and duration it carries (if any). */
  public static TrackDocument of(EmbeddedTrack track, Provenance provenance) {
    return new TrackDocument(track, track.title(), track.path(), track.seconds(), provenance);
  }

  public String id() {
    return track.id();
  }

  /** The {@code _source} sent to Elasticsearch, field names as in {@link TrackIndexSchema}. */
  Map<String, Object> toSource(TrackIndexSchema schema) {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put(TrackIndexSchema.EMBEDDING, track.embedding());
    source.put(TrackIndexSchema.EMBEDDING_F32, Vectors.toBase64(track.embedding()));
    source.put(TrackIndexSchema.TAGS, track.tags());
    source.put(TrackIndexSchema.PREDICTED_TAGS, predictedTags(track.scores(), schema.predictedTagThreshold()));
    source.put(TrackIndexSchema.TAG_SCORES, new TreeMap<>(track.scores()));
    if (title != null) {
      source.put(TrackIndexSchema.TITLE, title);
    }
    if (path != null) {
      source.put(TrackIndexSchema.PATH, path);
    }
    if (durationSeconds != null) {
      source.put(TrackIndexSchema.DURATION, durationSeconds);
    }
    if (!track.segments().isEmpty()) {
      List<Map<String, Object>> segments = new ArrayList<>();
      for (TrackSegment segment : track.segments()) {
        segments.add(Map.of(TrackIndexSchema.SEGMENT_AT, segment.at(), TrackIndexSchema.SEGMENT_EMBEDDING, segment.embedding()));
      }
      source.put(TrackIndexSchema.SEGMENTS, segments);
    }
    source.put(TrackIndexSchema.PROVENANCE, provenance.toSource());
    return source;
  }

  static List<String> predictedTags(Map<String, Double> scores, double threshold) {
    return scores.entrySet().stream()
        .filter(e -> e.getValue() >= threshold)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .toList();
  }
}
