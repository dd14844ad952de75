package org.soundalike.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one definition of the track index: its settings and mapping, used for the index template
 * and for every index the project creates.
 *
 * <ul>
 *   <li>{@code embedding}: dense_vector, {@code dimensions} (512 = the model's D), dot_product
 *       similarity (the embeddings are unit length, so it is the cosine, and the cheapest
 *       similarity to compute), HNSW as in {@link VectorIndexOptions} (default int8_hnsw, m 16,
 *       ef_construction 100, rescored ×3 with the float vectors). Excluded from
 *       {@code _source}: JSON floats cost more disk than the vector field itself.
 *   <li>{@code embedding_f32}: the same vector as base64 little-endian float32, a stored binary
 *       field (not in {@code _source}). "More like this" needs the query track's vector back, and
 *       Elasticsearch 8.19 cannot return an indexed vector without keeping it in {@code _source}.
 *   <li>{@code tags}: the human tags, keyword. {@code predicted_tags}: keyword, the tags whose
 *       predicted probability is at least {@code predictedTagThreshold}, for exact filters.
 *   <li>{@code tag_scores}: an object of floats, one per tag (dots in tag names stay in the name:
 *       {@code subobjects: false}). Chosen over {@code rank_features} because it supports both
 *       range filters ({@code tag_scores.rock >= 0.7}) and boosting ({@code field_value_factor}),
 *       and because {@code rank_features} lives in the mapper-extras module, which the integ-test
 *       distribution the project runs does not ship.
 *   <li>{@code segments}: nested, one per stretch of the track ({@code at}: start in seconds,
 *       float; {@code embedding}: a dense_vector like the track's, excluded from {@code _source}).
 *       Nested rather than one document per segment: kNN on a nested vector ranks the tracks
 *       (each by its best segment) and returns the matching segments as inner hits, tag filters
 *       stay on the track's own fields, and a re-exported track replaces its whole block of
 *       documents at once, so no segment can outlive its track (docs/search.md "Segments").
 *   <li>{@code title}, {@code path}, {@code duration_s}: catalog facts, optional.
 *   <li>{@code provenance}: run id, model config, code version, time of indexing; the index's
 *       {@code _meta} holds the same for the whole index.
 * </ul>
 * One shard, no replica: a single-node store whose kNN latency grows with the number of shards
 * searched; replicas would stay unassigned (yellow) on one node anyway.
 */
public record TrackIndexSchema(int dimensions, VectorIndexOptions vectorOptions, double predictedTagThreshold) {

  public static final int DEFAULT_DIMENSIONS = 512;
  /** A tag counts as predicted when its probability reaches this (the usual 0.5 of a sigmoid). */
  public static final double DEFAULT_PREDICTED_TAG_THRESHOLD = 0.5;
  public static final TrackIndexSchema DEFAULT =
      new TrackIndexSchema(DEFAULT_DIMENSIONS, VectorIndexOptions.DEFAULT, DEFAULT_PREDICTED_TAG_THRESHOLD);

  public static final String EMBEDDING = "embedding";
  public static final String EMBEDDING_F32 = "embedding_f32";
  public static final String TAGS = "tags";
  public static final String PREDICTED_TAGS = "predicted_tags";
  public static final String TAG_SCORES = "tag_scores";
  public static final String TITLE = "title";
  public static final String PATH = "path";
  public static final String DURATION = "duration_s";
  public static final String PROVENANCE = "provenance";
  public static final String SEGMENTS = "segments";
  /** A segment's start in seconds, inside {@link #SEGMENTS}. */
  public static final String SEGMENT_AT = "at";
  /** A segment's vector, inside {@link #SEGMENTS}. */
  public static final String SEGMENT_EMBEDDING = "embedding";
  /** The full path of the segment vectors, for kNN. */
  public static final String SEGMENT_VECTORS = SEGMENTS + "." + SEGMENT_EMBEDDING;

  private static final ObjectMapper JSON = new ObjectMapper();

  public TrackIndexSchema {
    // Elasticsearch 8.19 indexes up to 4096 dimensions; bbq needs at least 64.
    if (dimensions < 1 || dimensions > 4096) {
      throw new IllegalArgumentException("dimensions must be in 1..4096, got " + dimensions);
    }
    if (vectorOptions.type() == VectorIndexType.BBQ_HNSW && dimensions < 64) {
      throw new IllegalArgumentException("bbq_hnsw needs at least 64 dimensions, got " + dimensions);
    }
    if (!(predictedTagThreshold > 0 && predictedTagThreshold <= 1)) {
      throw new IllegalArgumentException("predicted-tag threshold must be in (0, 1], got " + predictedTagThreshold);
    }
  }

  public TrackIndexSchema withVectorOptions(VectorIndexOptions options) {
    return new TrackIndexSchema(dimensions, options, predictedTagThreshold);
  }

  public TrackIndexSchema withDimensions(int dims) {
    return new TrackIndexSchema(dims, vectorOptions, predictedTagThreshold);
  }

  /** {@code {"settings": ..., "mappings": ...}}, the body of a create-index request. */
  public ObjectNode indexBody(ObjectNode meta) {
    ObjectNode body = JSON.createObjectNode();
    body.set("settings", settings());
    body.set("mappings", mappings(meta));
    return body;
  }

  ObjectNode settings() {
    ObjectNode settings = JSON.createObjectNode();
    settings.put("number_of_shards", 1);
    settings.put("number_of_replicas", 0);
    return settings;
  }

  ObjectNode mappings(ObjectNode meta) {
    ObjectNode mappings = JSON.createObjectNode();
    mappings.put("dynamic", "strict");
    if (meta != null) {
      mappings.set("_meta", meta);
    }
    mappings.putObject("_source").putArray("excludes").add(EMBEDDING).add(EMBEDDING_F32).add(SEGMENT_VECTORS);
    mappings.putArray("dynamic_templates").addObject().putObject("tag_scores_as_floats")
        .put("path_match", TAG_SCORES + ".*")
        .putObject("mapping").put("type", "float");
    ObjectNode p = mappings.putObject("properties");
    vector(p.putObject(EMBEDDING));
    p.putObject(EMBEDDING_F32).put("type", "binary").put("store", true);
    ObjectNode segments = p.putObject(SEGMENTS).put("type", "nested").put("dynamic", "strict").putObject("properties");
    segments.putObject(SEGMENT_AT).put("type", "float");
    vector(segments.putObject(SEGMENT_EMBEDDING));
    p.putObject(TAGS).put("type", "keyword");
    p.putObject(PREDICTED_TAGS).put("type", "keyword");
    // Strings, not booleans: the Java client's mapping model only reads the string forms.
    p.putObject(TAG_SCORES).put("type", "object").put("dynamic", "true").put("subobjects", "false");
    ObjectNode title = p.putObject(TITLE).put("type", "text");
    title.putObject("fields").putObject("raw").put("type", "keyword").put("ignore_above", 512);
    p.putObject(PATH).put("type", "keyword").put("ignore_above", 4096);
    p.putObject(DURATION).put("type", "float");
    ObjectNode provenance = p.putObject(PROVENANCE).put("type", "object").put("dynamic", "strict").putObject("properties");
    provenance.putObject("run_id").put("type", "keyword");
    provenance.putObject("model_config").put("type", "keyword").put("index", false).put("doc_values", false);
    provenance.putObject("code_version").put("type", "keyword");
    provenance.putObject("indexed_at").put("type", "date");
    return mappings;
  }

  /** The track's and the segments' vectors: same dimensions, similarity and HNSW options. */
  private void vector(ObjectNode vector) {
    vector.put("type", "dense_vector").put("dims", dimensions).put("index", true).put("similarity", "dot_product");
    vector.put("element_type", "float");
    ObjectNode hnsw = vector.putObject("index_options");
    hnsw.put("type", vectorOptions.type().esName()).put("m", vectorOptions.m()).put("ef_construction", vectorOptions.efConstruction());
    if (vectorOptions.rescoreOversample() > 0) {
      hnsw.putObject("rescore_vector").put("oversample", vectorOptions.rescoreOversample());
    } else if (vectorOptions.type().quantized()) {
      // 8.19 rescores bbq by default; 0 states "no rescoring" explicitly for the benchmark rows.
      hnsw.putObject("rescore_vector").put("oversample", 0);
    }
  }
}
