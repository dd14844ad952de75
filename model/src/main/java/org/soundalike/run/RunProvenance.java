package org.soundalike.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an evaluated run came from (the {@code "run"} object of results.json): which data, which
 * configuration and variant, α, r, label fraction, seed, code version, epochs and when it was
 * trained. The training code fills it when it saves a checkpoint; every result row can be traced
 * back to it. {@code alpha}, {@code r} and {@code epochs} may be null (the supervised-only variant
 * has no α; a baseline may not record r). Fields this version does not know are kept in
 * {@link #extra()} and written back unchanged, so older code never drops newer provenance.
 *
 * @param variant a paper variant letter (A–O) or a baseline name ({@code CLMR})
 * @param techniques e.g. {@code "c+p"}, {@code "none"}
 * @param labelFraction fraction of training tracks whose labels were used, in (0, 1]
 * @param trainedAt ISO-8601 instant, e.g. {@code 2026-11-26T10:00:00Z}
 */
@JsonPropertyOrder({"runId", "dataset", "catalogFingerprint", "config", "variant", "techniques", "alpha", "r",
    "labelFraction", "seed", "codeVersion", "epochs", "trainedAt"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RunProvenance(
    @JsonProperty(required = true) String runId,
    @JsonProperty(required = true) String dataset,
    String catalogFingerprint,
    String config,
    @JsonProperty(required = true) String variant,
    String techniques,
    Double alpha,
    Double r,
    @JsonProperty(required = true) double labelFraction,
    @JsonProperty(required = true) long seed,
    String codeVersion,
    Integer epochs,
    String trainedAt,
    @JsonAnySetter @JsonIgnore Map<String, JsonNode> extra) {

  /** The paper's supervised-only variant: the "inception-style supervised" baseline row. */
  public static final String SUPERVISED_ONLY = "A";
  /** The CLMR baseline: pre-trained encoder frozen, only a tag head trained. */
  public static final String CLMR = "CLMR";
  /** The self-supervised pre-training (technique p's source): it trains no tag head. */
  public static final String PRETRAINING = "pretrain";
  /** The extra field training keeps up to date: {@code training} until the run stops, then {@value #FINISHED}. */
  public static final String STATUS = "status";
  public static final String FINISHED = "finished";

  /**
   * The extra field naming the folder the run was trained from, so that evaluating the run needs
   * no {@code --catalog}; the fingerprint says whether that folder still holds the same catalog.
   */
  public static final String CATALOG_FOLDER = "catalogFolder";

  public RunProvenance {
    requireText(runId, "runId");
    requireText(dataset, "dataset");
    requireText(variant, "variant");
    if (!(labelFraction > 0 && labelFraction <= 1)) {
      throw new IllegalArgumentException("run " + runId + ": labelFraction must be in (0, 1], got " + labelFraction);
    }
    extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** Provenance without extra fields. */
  public RunProvenance(String runId, String dataset, String catalogFingerprint, String config, String variant,
      String techniques, Double alpha, Double r, double labelFraction, long seed, String codeVersion,
      Integer epochs, String trainedAt) {
    this(runId, dataset, catalogFingerprint, config, variant, techniques, alpha, r, labelFraction, seed,
        codeVersion, epochs, trainedAt, Map.of());
  }

  /** The catalog folder recorded at training time, or null (runs trained before it was recorded). */
  @JsonIgnore
  public String catalogFolder() {
    JsonNode folder = extra.get(CATALOG_FOLDER);
    return folder == null || !folder.isTextual() ? null : folder.asText();
  }

  /** Whether training recorded the run as finished. */
  @JsonIgnore
  public boolean finished() {
    JsonNode status = extra.get(STATUS);
    return status != null && FINISHED.equals(status.asText());
  }

  /**
   * The provenance as flat snake_case fields (run_id, dataset, catalog_fingerprint, config,
   * variant, techniques, alpha, r, label_fraction, seed, code_version, epochs, trained_at),
   * absent ones left out: what an ONNX export's metadata and an index's {@code _meta} carry.
   */
  public Map<String, String> fields() {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "run_id", runId);
    put(out, "dataset", dataset);
    put(out, "catalog_fingerprint", catalogFingerprint);
    put(out, "config", config);
    put(out, "variant", variant);
    put(out, "techniques", techniques);
    put(out, "alpha", alpha);
    put(out, "r", r);
    put(out, "label_fraction", labelFraction);
    put(out, "seed", seed);
    put(out, "code_version", codeVersion);
    put(out, "epochs", epochs);
    put(out, "trained_at", trainedAt);
    return out;
  }

  private static void put(Map<String, String> out, String key, Object value) {
    if (value != null) {
      out.put(key, value.toString());
    }
  }

  @JsonAnyGetter
  Map<String, JsonNode> extraFields() {
    return extra;
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + field + "' must be a non-empty string");
    }
  }
}
