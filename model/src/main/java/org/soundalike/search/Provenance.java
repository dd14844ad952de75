package org.soundalike.search;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an index's vectors came from: the run that produced the embeddings, the model
 * configuration (variant, α, label fraction… as the model issue writes it), the code version
 * and when they were indexed.
 *
 * @param run the run's provenance as fields ({@link org.soundalike.run.RunProvenance#fields()}:
 *     variant, α, r, label fraction, seed, catalog fingerprint…), kept as the {@code run} object
 *     of the index's {@code _meta}; empty when the run recorded none
 */
public record Provenance(String runId, String modelConfig, String codeVersion, Instant indexedAt, Map<String, String> run) {

  public Provenance {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("provenance needs a run id");
    }
    modelConfig = modelConfig == null ? "" : modelConfig;
    codeVersion = codeVersion == null ? "" : codeVersion;
    run = run == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(run));
  }

  public Provenance(String runId, String modelConfig, String codeVersion, Instant indexedAt) {
    this(runId, modelConfig, codeVersion, indexedAt, Map.of());
  }

  Map<String, Object> toSource() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("model_config", modelConfig);
    m.put("code_version", codeVersion);
    m.put("indexed_at", indexedAt.toString());
    return m;
  }
}
