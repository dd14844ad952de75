package org.soundalike.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an index's vectors came from: the run that produced the embeddings, the model
 * configuration (variant, α, label fraction… as the model issue writes it), the code version
 * and when they were indexed.
 */
public record Provenance(String runId, String modelConfig, String codeVersion, Instant indexedAt) {

  public Provenance {
    if (runId == null || runId.isBlank()) {
      throw new IllegalArgumentException("provenance needs a run id");
    }
    modelConfig = modelConfig == null ? "" : modelConfig;
    codeVersion = codeVersion == null ? "" : codeVersion;
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
